import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Whole screen")
struct ScreenTests {
    @Test("golden screens", arguments: [(120, 40), (80, 24), (40, 12), (30, 10)])
    func golden(width: Int, height: Int) {
        let screen = ScreenRenderer()
        var state = Fixtures.state(TerminalSize(width: width, height: height))
        var frame = screen.render(state: state, live: Fixtures.toolsStreaming)
        state.absorb(frame.report)
        frame = screen.render(state: state, live: Fixtures.toolsStreaming)
        Golden.check(frame.grid.snapshot, named: "screen-\(width)x\(height)")
    }

    @Test("degenerate sizes render without trouble", arguments: [(0, 0), (1, 1), (5, 2), (20, 6), (39, 40), (300, 12)])
    func tiny(width: Int, height: Int) {
        let state = Fixtures.state(TerminalSize(width: width, height: height), focus: .chunks)
        let grid = ScreenRenderer().render(state: state, live: Fixtures.toolsStreaming).grid
        #expect(grid.width == width && grid.height == height)
        if width < 40 || height < 12, height >= 3, width >= 20 {
            #expect(grid.textRows.joined().contains("Terminal too small"))
        }
    }

    @Test("hostile stream: no raw control reaches the grid")
    func hostile() {
        let screen = ScreenRenderer()
        var state = DashboardState(size: TerminalSize(width: 100, height: 30), session: Fixtures.session)
        state.conversation.append(prompt: "say hi\u{1B}[31m", reply: Fixtures.hostile)
        let frame = screen.render(state: state, live: Fixtures.hostile)
        for cell in frame.grid.cells {
            for s in cell.text.unicodeScalars {
                #expect(!(s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || Sanitizer.isDangerousFormat(s.value)), "raw U+\(String(s.value, radix: 16)) on screen")
            }
        }
        let text = frame.grid.textRows.joined(separator: "\n")
        #expect(text.contains("␛[2J"))
        #expect(text.contains("␛]52;c;"))
        #expect(text.contains("<U+202E>"))
        #expect(frame.grid.cells.contains { $0.role == .escape })
        Golden.check(frame.grid.snapshot, named: "screen-hostile-100x30")
    }
}
