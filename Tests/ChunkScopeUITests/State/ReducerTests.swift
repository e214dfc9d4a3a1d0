import Foundation
import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Dashboard reducer")
struct ReducerTests {
    func state(focus: PaneID = .prompt) -> DashboardState {
        var s = DashboardState(size: TerminalSize(width: 120, height: 40), session: Fixtures.session)
        s.focus = focus
        return s
    }

    func type(_ text: String, into s: inout DashboardState) {
        for c in text { _ = s.handle(.char(c), live: nil) }
    }

    var streaming: SessionSnapshot { Fixtures.toolsStreaming }

    @Test("Tab and Shift-Tab cycle focus through the panes and the prompt")
    func focusCycle() {
        var s = state(focus: .transcript)
        var seen: [PaneID] = []
        for _ in 0..<5 { _ = s.handle(.key(.tab), live: nil); seen.append(s.focus) }
        #expect(seen == [.toolCalls, .chunks, .usage, .prompt, .transcript])
        _ = s.handle(.key(.backTab), live: nil)
        #expect(s.focus == .prompt)
    }

    @Test("typing, newline keys and Enter send a turn as an effect")
    func send() {
        var s = state()
        type("hello", into: &s)
        _ = s.handle(.key(.enter, .alt), live: nil)
        type("world", into: &s)
        _ = s.handle(.ctrl("j"), live: nil)
        type("!", into: &s)
        #expect(s.editor.text == "hello\nworld\n!")
        let effects = s.handle(.key(.enter), live: nil)
        #expect(effects == [.send])
        #expect(s.editor.isEmpty)
        #expect(s.conversation.turns.map(\.prompt) == ["hello\nworld\n!"])
        #expect(s.conversation.hasPendingTurn)
        // While the reply streams, Enter does not send.
        type("next", into: &s)
        #expect(s.handle(.key(.enter), live: streaming).isEmpty)
        #expect(s.message?.contains("still streaming") == true)
        #expect(s.editor.text == "next")
        // Blank prompts are not sent.
        var blank = state()
        type("  ", into: &blank)
        #expect(blank.handle(.key(.enter), live: nil).isEmpty)
    }

    @Test("q quits outside the editor and types inside it")
    func quitKey() {
        var s = state()
        #expect(s.handle(.char("q"), live: nil).isEmpty)
        #expect(s.editor.text == "q")
        var p = state(focus: .chunks)
        _ = p.handle(.char("x"), live: nil)
        #expect(p.message?.contains("press i to type") == true)
        _ = p.handle(.char("i"), live: nil)
        #expect(p.focus == .prompt)
        p.focus = .chunks
        #expect(p.handle(.char("q"), live: nil) == [.quit])
    }

    @Test("Ctrl-C stops a stream first and quits on the second press; another key disarms")
    func ctrlC() {
        var s = state()
        #expect(s.handle(.ctrl("c"), live: streaming) == [.stopStream])
        #expect(s.handle(.ctrl("c"), live: streaming) == [.quit])
        var t = state()
        #expect(t.handle(.ctrl("c"), live: nil).isEmpty)
        _ = t.handle(.char("x"), live: nil)
        #expect(t.handle(.ctrl("c"), live: nil).isEmpty)
        #expect(t.handle(.ctrl("c"), live: nil) == [.quit])
    }

    @Test("Esc stops a stream, else closes help, else leaves zoom")
    func escape() {
        var s = state(focus: .chunks)
        #expect(s.handle(.key(.escape), live: streaming) == [.stopStream])
        _ = s.handle(.char("z"), live: nil)
        #expect(s.zoomed == .chunks)
        _ = s.handle(.key(.tab), live: nil)
        #expect(s.zoomed == .usage)
        #expect(s.handle(.key(.escape), live: nil).isEmpty)
        #expect(s.zoomed == nil)
        _ = s.handle(.char("?"), live: nil)
        #expect(s.showHelp)
        _ = s.handle(.key(.escape), live: streaming)
        #expect(!s.showHelp)
    }

    @Test("Esc in the editor stops a stream first; with nothing to stop it leaves the editor for the transcript")
    func escapeLeavesEditor() {
        var s = state(focus: .prompt)
        #expect(s.handle(.key(.escape), live: streaming) == [.stopStream])
        #expect(s.focus == .prompt, "the first Esc only stops the stream")
        #expect(s.handle(.key(.escape), live: nil).isEmpty)
        #expect(s.focus == .transcript)
        _ = s.handle(.char("r"), live: nil)
        #expect(s.editor.text.isEmpty, "r is a pane key now, not text")
    }

    @Test("scrolling up leaves follow mode; End follows again")
    func scrolling() {
        var s = state(focus: .transcript)
        var report = FrameReport()
        report.contentHeights[.transcript] = 100
        report.viewportHeights[.transcript] = 20
        s.absorb(report)
        _ = s.handle(.char("k"), live: nil)
        #expect(s.transcript.scroll == ScrollState(offset: 79, follow: false))
        _ = s.handle(.key(.pageUp), live: nil)
        #expect(s.transcript.scroll.offset == 60)
        _ = s.handle(.char("g"), live: nil)
        #expect(s.transcript.scroll == ScrollState(offset: 0, follow: false))
        _ = s.handle(.key(.pageDown), live: nil)
        #expect(s.transcript.scroll.offset == 19)
        _ = s.handle(.char("G"), live: nil)
        #expect(s.transcript.scroll.follow)
        // Scrolling down to the end follows again.
        _ = s.handle(.char("k"), live: nil)
        _ = s.handle(.char("j"), live: nil)
        #expect(s.transcript.scroll.follow)
        // From the editor, PgUp scrolls the transcript.
        s.focus = .prompt
        _ = s.handle(.key(.pageUp), live: nil)
        #expect(!s.transcript.scroll.follow)
    }

    @Test("mouse: click focuses the pane under the pointer, wheel scrolls it")
    func mouse() {
        var s = state()
        let screen = ScreenRenderer()
        s.absorb(screen.render(state: s, live: Fixtures.textReply).report)
        _ = s.handle(.mouse(MouseEvent(.press(button: 1), x: 100, y: 2)), live: nil)
        #expect(s.focus == .toolCalls)
        _ = s.handle(.mouse(MouseEvent(.press(button: 1), x: 3, y: 3)), live: nil)
        #expect(s.focus == .transcript)
        var report = s.frame
        report.contentHeights[.transcript] = 100
        report.viewportHeights[.transcript] = 20
        report.offsets[.transcript] = 80
        s.absorb(report)
        _ = s.handle(.mouse(MouseEvent(.wheelUp, x: 3, y: 3)), live: nil)
        #expect(s.transcript.scroll == ScrollState(offset: 77, follow: false))
    }

    @Test("compact layout: clicking a tab shows that pane")
    func tabs() {
        var s = DashboardState(size: TerminalSize(width: 50, height: 16), session: Fixtures.session)
        let screen = ScreenRenderer()
        s.absorb(screen.render(state: s, live: nil).report)
        let strip = screen.render(state: s, live: nil).grid.textRows[0]
        let column = DisplayWidth.of(strip.components(separatedBy: "Chunks")[0]) + 1
        _ = s.handle(.mouse(MouseEvent(.press(button: 1), x: column, y: 0)), live: nil)
        #expect(s.focus == .chunks)
        s.absorb(screen.render(state: s, live: nil).report)
        #expect(s.frame.rects[.chunks] != nil)
        #expect(s.frame.rects[.transcript] == nil)
    }

    @Test("mouse click on an inspector row selects it; a second click expands it")
    func mouseSelectsRow() {
        var s = state()
        let screen = ScreenRenderer()
        let live = Fixtures.textReply
        s.absorb(screen.render(state: s, live: live).report)
        let y = s.frame.chunkTableY + 1
        _ = s.handle(.mouse(MouseEvent(.press(button: 1), x: 80, y: y)), live: live)
        #expect(s.focus == .chunks)
        #expect(s.chunks.selected == s.frame.chunkRows[1])
        _ = s.handle(.mouse(MouseEvent(.press(button: 1), x: 80, y: y)), live: live)
        #expect(s.chunks.expanded)
    }

    @Test("inspector: selection, filter, search, next lint, lint row jumps to its event, headers")
    func inspector() {
        var s = state(focus: .chunks)
        let live = Fixtures.textReply // rows: 5 data (index 0…4), 1 lint (index 5)
        _ = s.handle(.char("k"), live: live)
        #expect(s.chunks.selected == 5)
        _ = s.handle(.char("k"), live: live)
        #expect(s.chunks.selected == 4)
        _ = s.handle(.char("g"), live: live)
        #expect(s.chunks.selected == 0)
        _ = s.handle(.char("l"), live: live)
        #expect(s.chunks.selected == 5)
        _ = s.handle(.key(.enter), live: live)
        #expect(s.chunks.selected == 4)
        #expect(s.chunks.expanded)
        s.size = TerminalSize(width: 120, height: 24)
        s.absorb(ScreenRenderer().render(state: s, live: live).report)
        #expect(s.frame.chunkDetailMaxOffset > 0)
        for _ in 0..<20 { _ = s.handle(.key(.pageDown), live: live) }
        #expect(s.chunks.detailOffset == s.frame.chunkDetailMaxOffset)
        _ = s.handle(.key(.pageUp), live: live)
        #expect(s.chunks.detailOffset < s.frame.chunkDetailMaxOffset)
        _ = s.handle(.char("f"), live: live)
        #expect(s.chunks.filter == .data)
        _ = s.handle(.char("/"), live: live)
        #expect(s.chunks.searchDraft == "")
        type("usage", into: &s)
        _ = s.handle(.key(.enter), live: live)
        #expect(s.chunks.search == "usage")
        #expect(s.chunks.selected == 4)
        _ = s.handle(.char("g"), live: live)
        _ = s.handle(.char("n"), live: live)
        #expect(s.chunks.selected == 4)
        _ = s.handle(.char("h"), live: live)
        #expect(s.chunks.showHeaders)
        s.size = TerminalSize(width: 120, height: 20)
        s.absorb(ScreenRenderer().render(state: s, live: live).report)
        for _ in 0..<30 { _ = s.handle(.char("j"), live: live) }
        #expect(s.chunks.headersOffset > 0)
        #expect(s.chunks.headersOffset == s.frame.contentHeights[.chunks]! - s.frame.viewportHeights[.chunks]!)
        _ = s.handle(.char("G"), live: live)
        #expect(s.chunks.selected == nil)
    }

    @Test("r folds reasoning; ? toggles help; resize updates the size; paste goes to the editor safely")
    func misc() {
        var s = state(focus: .transcript)
        _ = s.handle(.char("r"), live: nil)
        #expect(s.transcript.reasoningOpen)
        _ = s.handle(.char("?"), live: nil)
        #expect(s.showHelp)
        s.absorb(ScreenRenderer().render(state: s, live: nil).report)
        _ = s.handle(.char("j"), live: nil)
        #expect(s.helpOffset == 1)
        for _ in 0..<200 { _ = s.handle(.char("j"), live: nil) }
        #expect(s.helpOffset == s.frame.contentHeights[.help]! - s.frame.viewportHeights[.help]!)
        _ = s.handle(.char("?"), live: nil)
        #expect(!s.showHelp)
        _ = s.handle(.resize(TerminalSize(width: 20, height: 6)), live: nil)
        #expect(s.size == TerminalSize(width: 20, height: 6))
        _ = s.handle(.paste("line1\r\nline2\u{1B}[2J\tend\u{202E}"), live: nil)
        #expect(s.focus == .prompt)
        #expect(s.editor.text == "line1\nline2    end")
    }

    @Test("editor editing keys")
    func editing() {
        var s = state()
        type("hello brave world", into: &s)
        _ = s.handle(.ctrl("w"), live: nil)
        #expect(s.editor.text == "hello brave ")
        _ = s.handle(.key(.left), live: nil)
        _ = s.handle(.key(.backspace), live: nil)
        #expect(s.editor.text == "hello brav ")
        _ = s.handle(.key(.home), live: nil)
        _ = s.handle(.key(.delete), live: nil)
        #expect(s.editor.text == "ello brav ")
        _ = s.handle(.key(.end), live: nil)
        type("!", into: &s)
        #expect(s.editor.text == "ello brav !")
        _ = s.handle(.ctrl("u"), live: nil)
        #expect(s.editor.isEmpty)
        type("first", into: &s)
        _ = s.handle(.key(.enter), live: nil)
        s.conversation.complete(with: Fixtures.textReply)
        type("draft", into: &s)
        _ = s.handle(.key(.up), live: nil)
        #expect(s.editor.text == "first")
        _ = s.handle(.key(.down), live: nil)
        #expect(s.editor.text == "draft")
    }

    @Test("scrolling continues from the offset the frame drew (a finished tool-calls pane shows its top)")
    func scrollFromDrawnOffset() {
        var s = state(focus: .toolCalls)
        let screen = ScreenRenderer()
        var finished = Fixtures.toolsStreaming
        finished.state = .finished
        s.size = TerminalSize(width: 120, height: 12)
        s.zoomed = .toolCalls // full cards (not the crowded compact form), overflowing the pane
        s.absorb(screen.render(state: s, live: finished).report)
        #expect(s.frame.offsets[.toolCalls] == 0)
        #expect((s.frame.contentHeights[.toolCalls] ?? 0) > (s.frame.viewportHeights[.toolCalls] ?? 0))
        _ = s.handle(.char("j"), live: finished)
        #expect(s.toolCalls == ScrollState(offset: 1, follow: false))
        _ = s.handle(.char("G"), live: finished)
        s.absorb(screen.render(state: s, live: finished).report)
        _ = s.handle(.char("j"), live: finished)
        #expect(!s.toolCalls.follow, "the end of a finished reply's cards is not follow mode")
        s.absorb(screen.render(state: s, live: finished).report)
        #expect(s.frame.offsets[.toolCalls] == s.frame.contentHeights[.toolCalls]! - s.frame.viewportHeights[.toolCalls]!)
    }

    @Test("Shift on printable keys and Shift-Tab are normalised")
    func shift() {
        var s = state(focus: .transcript)
        var report = FrameReport()
        report.contentHeights[.transcript] = 50
        report.viewportHeights[.transcript] = 10
        s.absorb(report)
        s.transcript.scroll = ScrollState(offset: 3, follow: false)
        _ = s.handle(.key(.char("G"), .shift), live: nil)
        #expect(s.transcript.scroll.follow)
        _ = s.handle(.key(.tab, .shift), live: nil)
        #expect(s.focus == .prompt)
    }

    @Test("every keymap action is reachable and help lists every binding")
    func keymapCoverage() {
        let actions = Set(Keymap.standard.bindings.map(\.action))
        for action in UIAction.allCases { #expect(actions.contains(action), "\(action) has no key") }
        let help = HelpRenderer.lines(.standard, width: 300).map(\.text).joined(separator: "\n")
        for binding in Keymap.standard.bindings { #expect(help.contains(binding.description)) }
    }
}
