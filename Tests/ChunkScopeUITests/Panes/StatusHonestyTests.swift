import Testing
@testable import ChunkScopeCore
@testable import ChunkScopeUI

/// The status line tells a finished stream without a usable reply from a good one (issue 8 item 7).
@Suite("Status line honesty")
struct StatusHonestyTests {
    private static let head = ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream")])

    private func finished(_ body: String) -> SessionSnapshot {
        var pipeline = StreamPipeline(options: PipelineOptions(maxLineBytes: 400))
        pipeline.handle(.response(Self.head), at: 0)
        if !body.isEmpty { pipeline.feed(Array(body.utf8), at: 1) }
        pipeline.finish(at: 2)
        return pipeline.snapshot()
    }

    private func statusLine(_ snapshot: SessionSnapshot) -> (text: String, badgeRole: StyleRole?) {
        let state = Fixtures.state(TerminalSize(width: 140, height: 30), focus: .transcript)
        var grid = Grid(width: 140, height: 1)
        StatusRenderer.render(state: state, live: snapshot, into: &grid, in: grid.bounds)
        let text = grid.textRows[0]
        let column = text.range(of: "✗").map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        return (text, column.map { grid[$0, 0].role })
    }

    private func chunk(_ delta: String, finish: String? = nil) -> String {
        "data: " + Fixtures.chunkJSON(delta, finish: finish) + "\n\n"
    }

    @Test("a good reply is ✓ done")
    func done() {
        let line = statusLine(finished(chunk(#"{"role":"assistant","content":"Hi"}"#, finish: "stop") + "data: [DONE]\n\n"))
        #expect(line.text.contains("✓ done"))
        #expect(!line.text.contains("✗"))
    }

    @Test("mid-stream error, empty body, gzip body, discarded line: ✗ with the reason, in the error colour",
          arguments: [
            ("midstream", "✗ provider error: overloaded, try again"),
            ("empty", "✗ no reply: the body held no SSE data event"),
            ("gzip", "✗ gzip body: the body is gzip data"),
            ("long", "✗ line discarded: line of"),
          ])
    func problems(_ kind: String, _ expected: String) {
        let body: String
        switch kind {
        case "midstream": body = chunk(#"{"role":"assistant","content":"Par"}"#) + "data: {\"error\":{\"message\":\"overloaded, try again\"}}\n\n"
        case "empty": body = ""
        case "gzip": body = ""
        default: body = chunk(#"{"role":"assistant","content":""# + String(repeating: "y", count: 500) + #""}"#) + "data: [DONE]\n\n"
        }
        var snapshot = finished(body)
        if kind == "gzip" {
            // Raw bytes: the body must start with gzip's magic 1f 8b.
            var pipeline = StreamPipeline()
            pipeline.handle(.response(Self.head), at: 0)
            pipeline.feed([0x1F, 0x8B, 0x08, 0x00], at: 1)
            pipeline.finish(at: 2)
            snapshot = pipeline.snapshot()
        }
        let line = statusLine(snapshot)
        #expect(line.text.contains(expected), "\(line.text)")
        #expect(!line.text.contains("✓ done"))
        #expect(line.badgeRole == .statusError)
    }

    @Test("the transcript shows the problem under the reply and in the header")
    func transcript() {
        let snapshot = finished("")
        var state = Fixtures.state(TerminalSize(width: 100, height: 30), focus: .transcript)
        state.conversation.append(prompt: "hello", reply: snapshot)
        let renderer = TranscriptRenderer()
        var grid = Grid(width: 100, height: 20)
        renderer.render(conversation: state.conversation, live: nil, model: "m", view: state.transcript,
                        focused: true, into: &grid, in: grid.bounds)
        let text = grid.textRows.joined(separator: "\n")
        #expect(text.contains("✗ no reply: the body held no SSE data event"))
        #expect(text.contains("assistant · m · no reply"))
    }
}
