import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Pane goldens")
struct PaneGoldenTests {
    func grid(_ width: Int, _ height: Int, _ draw: (inout Grid, Rect) -> Void) -> Grid {
        var grid = Grid(width: width, height: height)
        draw(&grid, grid.bounds)
        return grid
    }

    @Test("transcript with reasoning open, streaming")
    func transcript() {
        var view = TranscriptViewState()
        view.reasoningOpen = true
        var conversation = Conversation()
        conversation.begin(prompt: "Weather and stocks?", model: "gpt-4.1")
        let g = grid(60, 20) { grid, rect in
            TranscriptRenderer().render(conversation: conversation, live: Fixtures.toolsStreaming, model: "gpt-4.1",
                                        view: view, focused: true, into: &grid, in: rect)
        }
        Golden.check(g.snapshot, named: "pane-transcript")
    }

    @Test("transcript scrolled up says it stopped following; failures and refusals are marked")
    func transcriptPaused() {
        var view = TranscriptViewState()
        view.scroll = ScrollState(offset: 0, follow: false)
        var conversation = Conversation()
        var failed = Fixtures.textReply
        failed.state = .failed(StreamFailure(.stalled, "no bytes for 30 s"))
        failed.choices[0].refusal = "I can't help with that."
        conversation.append(prompt: "one", reply: failed)
        let g = grid(50, 14) { grid, rect in
            TranscriptRenderer().render(conversation: conversation, live: nil, model: "m", view: view, focused: false, into: &grid, in: rect)
        }
        let text = g.textRows.joined(separator: "\n")
        #expect(text.contains("End to follow"))
        #expect(text.contains("paused"))
        Golden.check(g.snapshot, named: "pane-transcript-paused")
        var bottom = view
        bottom.scroll = ScrollState(offset: 100, follow: false)
        let g2 = grid(50, 14) { grid, rect in
            TranscriptRenderer().render(conversation: conversation, live: nil, model: "m", view: bottom, focused: false, into: &grid, in: rect)
        }
        let text2 = g2.textRows.joined(separator: "\n")
        #expect(text2.contains("✗ stream stalled: no bytes for 30 s"))
        #expect(text2.contains("⚠ refusal"))
    }

    @Test("tool call cards")
    func toolCalls() {
        let g = grid(56, 16) { grid, rect in
            ToolCallsRenderer().render(Fixtures.toolsStreaming, scroll: ScrollState(offset: 0, follow: false), focused: false, into: &grid, in: rect)
        }
        Golden.check(g.snapshot, named: "pane-toolcalls")
        let text = g.textRows.joined(separator: "\n")
        #expect(text.contains("#0 get_weather"))
        #expect(text.contains("✓ valid JSON · 52 B"))
        #expect(text.contains("◌ assembling · 24 B"))
    }

    @Test("crowded parallel calls shrink to header + one line so all stay visible; zoom shows them in full")
    func toolCallsCompact() {
        let g = grid(56, 7) { grid, rect in
            ToolCallsRenderer().render(Fixtures.toolsStreaming, scroll: ScrollState(), focused: false, into: &grid, in: rect)
        }
        Golden.check(g.snapshot, named: "pane-toolcalls-compact")
        let text = g.textRows.joined(separator: "\n")
        #expect(text.contains("#0 get_weather") && text.contains("#1 get_stock_price"))
        #expect(text.contains(#"{"city": "Edinburgh""#))
        #expect(text.contains("z for full arguments"))
        let full = grid(56, 7) { grid, rect in
            ToolCallsRenderer().render(Fixtures.toolsStreaming, scroll: ScrollState(offset: 0, follow: false), focused: false,
                                       compactWhenCrowded: false, into: &grid, in: rect)
        }
        #expect(!full.textRows.joined().contains("#1 get_stock_price"))
    }

    @Test("invalid tool call and multiple choices are labelled")
    func toolCallsInvalid() {
        var snapshot = Fixtures.toolsStreaming
        snapshot.choices[0].toolCalls[1].status = .invalid(byteOffset: 17)
        snapshot.choices.append(ChoiceState(index: 1, toolCalls: [ToolCallState(index: 0, name: "f", arguments: "{}", status: .valid)]))
        let g = grid(56, 30) { grid, rect in
            ToolCallsRenderer().render(snapshot, scroll: ScrollState(offset: 0, follow: false), focused: true, into: &grid, in: rect)
        }
        let text = g.textRows.joined(separator: "\n")
        #expect(text.contains("✗ invalid JSON at byte 17"))
        #expect(text.contains("── choice 1 ──"))
    }

    @Test("chunk inspector: table, selection, expanded JSON with search highlight")
    func chunks() {
        var view = ChunksViewState()
        view.selected = 4
        view.expanded = true
        view.search = "usage"
        let g = grid(70, 24) { grid, rect in
            ChunksRenderer().render(Fixtures.textReply, view: view, focused: true, into: &grid, in: rect)
        }
        Golden.check(g.snapshot, named: "pane-chunks-expanded")
        #expect(g.textRows[0].contains("Chunks 6 · 7.7 KB · 1 finding · /usage"))
        #expect(g.cells.contains { $0.role == .match })
        #expect(g.cells.contains { $0.role == .selection })
    }

    @Test("chunk inspector filter and headers view (credentials redacted)")
    func chunksFilterHeaders() {
        var view = ChunksViewState()
        view.filter = .lint
        let g = grid(70, 8) { grid, rect in
            ChunksRenderer().render(Fixtures.textReply, view: view, focused: false, into: &grid, in: rect)
        }
        #expect(g.textRows[2].contains("CS204"))
        #expect(g.textRows[3].trimmingCharacters(in: .init(charactersIn: "│ ")).isEmpty)
        view.showHeaders = true
        var snapshot = Fixtures.textReply
        snapshot.response?.headers.append(HTTPHeader("x-api-key", "abc"))
        let h = grid(70, 16) { grid, rect in
            ChunksRenderer().render(snapshot, view: view, focused: false, into: &grid, in: rect)
        }
        let text = h.textRows.joined(separator: "\n")
        #expect(!text.contains("sk-live"))
        #expect(!text.contains("abc"))
        #expect(text.contains("Authorization: •••• (redacted)"))
        #expect(text.contains("HTTP 200"))
        Golden.check(h.snapshot, named: "pane-chunks-headers")
    }

    @Test("a million inspector rows render only the visible window")
    func millionRows() {
        let log = InspectorEventLog()
        for i in 0..<1_000_000 {
            log.append(InspectorEvent(sequence: i + 1, time: UInt64(i) * 1000, gap: 1000, size: 40, kind: i % 1000 == 999 ? .lint : .data, summary: "delta.content \"w\"", raw: "{}"))
        }
        let snapshot = SessionSnapshot(state: .streaming, events: log.slice())
        let renderer = ChunksRenderer()
        var view = ChunksViewState()
        var g = Grid(width: 60, height: 20)
        let m = renderer.render(snapshot, view: view, focused: true, into: &g, in: g.bounds)
        #expect(m.rows.last == 999_999)
        #expect(m.rows.count == 17)
        view.filter = .lint
        let f = renderer.render(snapshot, view: view, focused: true, into: &g, in: g.bounds)
        #expect(f.rows.last == 999_999)
        #expect(f.rows.first == 999_999 - 16 * 1000)
    }

    @Test("usage meter: exact, cached, cost; estimate while streaming")
    func usage() {
        let g = grid(56, 7) { grid, rect in
            UsageRenderer.render(Fixtures.textReply, pricing: Fixtures.session.pricing, scroll: ScrollState(), focused: false, into: &grid, in: rect)
        }
        Golden.check(g.snapshot, named: "pane-usage")
        let text = g.textRows.joined(separator: "\n")
        #expect(text.contains("prompt 151"))
        #expect(text.contains("exact ✓"))
        #expect(text.contains("cached 128"))
        #expect(text.contains("finish stop"))
        let live = UsageRenderer.lines(Fixtures.toolsStreaming, pricing: nil, width: 80).map(\.text).joined(separator: "\n")
        #expect(live.contains("completion ~37"))
        #expect(live.contains("~ estimate"))
        #expect(UsageRenderer.sparkline([1, 2, 4, 8], width: 3) == "▃▅█")
        #expect(UsageRenderer.sparkline([0, 0], width: 8) == "▁▁")
        #expect(UsageRenderer.sparkline([.nan, .infinity, -3, 4], width: 8) == "▁▁▁█")
        #expect(UsageRenderer.rate(.infinity) == "–")
        // DeepSeek-style cache field and reasoning tokens.
        var ds = Fixtures.textReply
        ds.usage = .object([.init("prompt_tokens", .number("10")), .init("completion_tokens", .number("5")),
                            .init("prompt_cache_hit_tokens", .number("8")),
                            .init("completion_tokens_details", .object([.init("reasoning_tokens", .number("3"))]))])
        let t = UsageRenderer.tokens(ds)
        #expect(t.cached == 8 && t.reasoning == 3 && t.total == 15)
    }

    @Test("prompt editor: multi-line, wide characters, cursor position")
    func prompt() {
        var editor = PromptEditor(text: "first line\n日本語 and more text that wraps")
        editor.moveLeft()
        var g = Grid(width: 30, height: 5)
        let cursor = PromptRenderer.render(editor, focused: true, hint: "Enter send", into: &g, in: g.bounds)
        Golden.check(g.snapshot, named: "pane-prompt")
        #expect(cursor != nil)
        #expect(g[cursor!.x, cursor!.y].role == .cursor)
        #expect(PromptRenderer.visualLineCount(editor, boxWidth: 30) == 3)
    }

    @Test("help overlay is generated from the keymap")
    func help() {
        var g = Grid(width: 70, height: 20)
        HelpRenderer.render(.standard, offset: 0, into: &g, in: g.bounds)
        Golden.check(g.snapshot, named: "pane-help")
    }

    @Test("status line: state badge, hints, search draft, messages")
    func status() {
        var state = Fixtures.state(TerminalSize(width: 100, height: 30), focus: .chunks)
        var g = Grid(width: 100, height: 1)
        StatusRenderer.render(state: state, live: Fixtures.toolsStreaming, into: &g, in: g.bounds)
        #expect(g.textRows[0].contains("● streaming"))
        #expect(g.textRows[0].contains("Esc stop"))
        state.chunks.searchDraft = "tool"
        StatusRenderer.render(state: state, live: nil, into: &g, in: g.bounds)
        #expect(g.textRows[0].contains("/tool"))
        state.chunks.searchDraft = nil
        var failed = Fixtures.textReply
        failed.state = .failed(StreamFailure(.httpStatus, "HTTP 429: rate limited"))
        StatusRenderer.render(state: state, live: failed, into: &g, in: g.bounds)
        #expect(g.textRows[0].contains("✗ httpStatus: HTTP 429: rate limited"))
    }
}
