import Testing
@testable import ChunkScopeCore
@testable import ChunkScopeUI

/// Issue 15 on screen: citations under the reply, the real usage beside a zeroing one.
@Suite("Provider fidelity panes")
struct ProviderFidelityPaneTests {
    private func snapshot(_ events: [String]) -> SessionSnapshot {
        var pipeline = StreamPipeline()
        pipeline.feed(Array((events.map { "data: " + $0 + "\n\n" }.joined() + "data: [DONE]\n\n").utf8), at: 1)
        pipeline.finish(at: 2)
        return pipeline.snapshot()
    }

    @Test("url_citation annotations are listed under the reply, title and URL, sanitised")
    func citations() {
        let annotation = #"{"type":"url_citation","url_citation":{"url":"https://www.nasa.gov/webb","title":"Webb \u001b[2J NASA"}}"#
        let reply = snapshot([
            Fixtures.chunkJSON(#"{"role":"assistant","content":"Webb launched in 2021."}"#),
            Fixtures.chunkJSON(#"{"content":"","annotations":[\#(annotation)]}"#, finish: "stop"),
        ])
        var state = Fixtures.state(TerminalSize(width: 100, height: 30), focus: .transcript)
        state.conversation.append(prompt: "when?", reply: reply)
        var grid = Grid(width: 80, height: 20)
        TranscriptRenderer().render(conversation: state.conversation, live: nil, model: "m", view: state.transcript,
                                    focused: true, into: &grid, in: grid.bounds)
        let rows = grid.textRows
        let at = rows.firstIndex { $0.contains("sources") }
        #expect(at != nil)
        if let at {
            #expect(rows[at + 1].contains("[1] Webb "))
            #expect(rows[at + 1].contains("NASA — https://www.nasa.gov/webb"))
            #expect(!rows[at + 1].contains("\u{1B}"))
        }
    }

    @Test("the usage pane shows the real counts a later all-zero usage replaced")
    func zeroedUsage() {
        let reply = snapshot([
            Fixtures.chunkJSON(#"{"role":"assistant","content":"Hello"}"#, finish: "stop")
                .replacingOccurrences(of: "}]}", with: #"}],"usage":{"prompt_tokens":18,"completion_tokens":3,"total_tokens":21}}"#),
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}"#,
        ])
        #expect(reply.replacedUsage != nil)
        let text = UsageRenderer.lines(reply, pricing: nil, width: 200).map(\.text).joined(separator: "\n")
        #expect(text.contains("prompt 0 · completion 0 · total 0"))
        #expect(text.contains("⚠ zeroed by a later usage"))
        #expect(text.contains("before: prompt 18 · completion 3 · total 21"))
    }
}
