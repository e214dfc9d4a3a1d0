// Whole-screen renders of real provider-shaped streams (Tests/Fixtures/*.sse) run through core's
// StreamPipeline, so the panes are checked against what providers send, not only hand-built values.

import ChunkScopeCore
import Foundation
import Testing
@testable import ChunkScopeUI

@Suite("Screens from fixture streams")
struct FixtureScreenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The snapshot after feeding `fraction` of a fixture's bytes (finished when 1).
    static func snapshot(_ name: String, fraction: Double = 1) throws -> SessionSnapshot {
        let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent(name + ".sse")))
        var pipeline = StreamPipeline()
        pipeline.handle(.request(Fixtures.request), at: 0)
        pipeline.handle(.response(Fixtures.response), at: 1_000_000)
        let end = Int(Double(bytes.count) * fraction)
        var t: UInt64 = 2_000_000
        for start in stride(from: 0, to: end, by: 37) {
            t += 3_000_000
            pipeline.feed(Array(bytes[start..<min(end, start + 37)]), at: t)
        }
        if fraction >= 1 { pipeline.finish(at: t + 1_000_000) }
        return pipeline.snapshot()
    }

    static func screen(_ snapshot: SessionSnapshot, size: TerminalSize, focus: PaneID = .prompt, configure: (inout DashboardState) -> Void = { _ in }) -> Grid {
        var state = DashboardState(size: size, session: Fixtures.session)
        state.conversation.begin(prompt: "What's the weather in Paris and Tokyo?", model: "gpt-4.1")
        if !DashboardState.isStreaming(snapshot) { state.conversation.complete(with: snapshot) }
        state.focus = focus
        configure(&state)
        let renderer = ScreenRenderer()
        state.absorb(renderer.render(state: state, live: snapshot).report)
        return renderer.render(state: state, live: snapshot).grid
    }

    @Test("goldens of fixture streams at 120x40", arguments: [
        "openai-tool-parallel", "deepseek-reasoning-content", "openai-n2-interleaved", "openai-refusal",
        "openai-midstream-error", "truncated-tool-call",
        "openrouter-web-search-annotations", "mistral-magistral-thinking-parts", "reasoning-details-only",
        "cloudflare-usage-zeroed",
    ])
    func golden(_ name: String) throws {
        let grid = Self.screen(try Self.snapshot(name), size: TerminalSize(width: 120, height: 40)) { state in
            state.transcript.reasoningOpen = true
        }
        Golden.check(grid.snapshot, named: "fixture-\(name)")
    }

    @Test("parallel tool calls mid-stream: both cards visible, growing from the partial tree")
    func parallelMidStream() throws {
        let snapshot = try Self.snapshot("openai-tool-parallel", fraction: 0.6)
        #expect(DashboardState.isStreaming(snapshot))
        let grid = Self.screen(snapshot, size: TerminalSize(width: 120, height: 40))
        Golden.check(grid.snapshot, named: "fixture-openai-tool-parallel-midstream")
        let text = grid.textRows.joined(separator: "\n")
        #expect(text.contains("#0 "))
        #expect(text.contains("#1 "))
        #expect(text.contains("◌ assembling"))
    }

    @Test("every fixture renders at every size without a raw control character", arguments: [(20, 6), (40, 12), (80, 24), (200, 60)])
    func allFixturesAllSizes(width: Int, height: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".sse") }
        #expect(names.count > 10)
        for file in names {
            let snapshot = try Self.snapshot(String(file.dropLast(4)), fraction: 0.5)
            for focus in [PaneID.prompt, .chunks, .toolCalls] {
                let grid = Self.screen(snapshot, size: TerminalSize(width: width, height: height), focus: focus) { state in
                    state.chunks.selected = max(0, snapshot.events.count - 1)
                    state.chunks.expanded = true
                }
                for cell in grid.cells {
                    for s in cell.text.unicodeScalars where s.value < 0x20 || (0x7F..<0xA0).contains(s.value) {
                        Issue.record("\(file): raw U+\(String(s.value, radix: 16)) at \(width)x\(height)")
                    }
                }
            }
        }
    }
}
