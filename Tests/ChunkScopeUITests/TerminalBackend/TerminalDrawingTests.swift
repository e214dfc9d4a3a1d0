import ChunkScopeUI
import CNcursesw
import Testing
@testable import TerminalBackend

/// Draws grids into a headless curses screen (output to /dev/null) and reads the screen back.
/// Serialized: curses and the locale are process-wide.
@Suite("Terminal drawing (headless curses)", .serialized)
@MainActor
struct TerminalDrawingTests {
    static let theme = Theme(name: "test", styles: [
        .text: RoleStyle(),
        .error: RoleStyle(foreground: .rgb(255, 0, 0), attributes: .bold),
        .selection: RoleStyle(foreground: .ansi(0), background: .indexed(39)),
    ])

    func makeTerminal(width: Int = 20, height: Int = 5,
                      environment: [String: String] = ["TERM": "xterm-256color"]) throws -> Terminal {
        try Terminal.headless(width: width, height: height, theme: Self.theme,
                              options: .init(mouse: false, bracketedPaste: false, environment: environment))
    }

    func grid(_ rows: [String], width: Int = 20, height: Int = 5) -> Grid {
        var grid = Grid(width: width, height: height)
        for (y, row) in rows.enumerated() {
            var x = 0
            for character in row {
                let wide = character.unicodeScalars.first!.value >= 0x1100
                grid[x, y] = Cell(text: String(character), width: wide ? 2 : 1)
                if wide { grid[x + 1, y] = Cell(text: "", width: 0) }
                x += wide ? 2 : 1
            }
        }
        return grid
    }

    @Test("ASCII text lands where the grid puts it")
    func drawsText() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["hello", "", "  world"]))
        #expect(terminal.rowText(0).hasPrefix("hello "))
        #expect(terminal.rowText(2).hasPrefix("  world "))
        #expect(terminal.rowText(1).allSatisfy { $0 == " " })
    }

    @Test("Wide CJK and emoji take two cells; continuation cells are not written over them")
    func drawsWideCharacters() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["日本語x", "a😀b"]))
        #expect(terminal.rowText(0).hasPrefix("日本語x"))
        #expect(terminal.rowText(1).hasPrefix("a😀b"))
    }

    @Test("Combining marks stay on their base character")
    func drawsCombiningMarks() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["e\u{301}x"]))
        #expect(terminal.rowText(0).hasPrefix("e\u{301}x"))
    }

    @Test("Control characters in a cell never reach the terminal")
    func replacesControls() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        var frame = Grid(width: 20, height: 5)
        frame[0, 0] = Cell(text: "\u{1B}")
        frame[1, 0] = Cell(text: "\u{9B}")
        frame[2, 0] = Cell(text: "\u{7}")
        frame[3, 0] = Cell(text: "ok")
        terminal.draw(frame)
        let row = terminal.rowText(0)
        #expect(row.hasPrefix("\u{FFFD}\u{FFFD}\u{FFFD}o"))
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
    }

    @Test("A second frame writes only the cells that changed")
    func writesOnlyChangedCells() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["hello", "world"]))
        #expect(terminal.cellsWrittenInLastFrame == 100)
        terminal.draw(grid(["hello", "worlds"]))
        #expect(terminal.cellsWrittenInLastFrame == 1)
        #expect(terminal.rowText(1).hasPrefix("worlds"))
        terminal.draw(grid(["hello", "worlds"]))
        #expect(terminal.cellsWrittenInLastFrame == 0)
    }

    @Test("Replacing a wide character by narrow ones leaves no half glyph behind")
    func wideToNarrow() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["a日b"]))
        terminal.draw(grid(["axyb"]))
        #expect(terminal.rowText(0).hasPrefix("axyb"))
        terminal.draw(grid(["a語b"]))
        #expect(terminal.rowText(0).hasPrefix("a語b"))
    }

    @Test("A wide glyph in the last column becomes a blank instead of wrapping")
    func wideInLastColumn() throws {
        let terminal = try makeTerminal(width: 4, height: 2)
        defer { terminal.close() }
        var frame = Grid(width: 4, height: 2)
        frame[0, 0] = Cell(text: "a")
        frame[3, 0] = Cell(text: "日", width: 2)
        frame[0, 1] = Cell(text: "z")
        terminal.draw(frame)
        #expect(terminal.rowText(0) == "a   ")
        #expect(terminal.rowText(1).hasPrefix("z"))
    }

    @Test("After a resize the next frame repaints everything at the new size")
    func resizes() throws {
        let terminal = try makeTerminal()
        defer { terminal.close() }
        terminal.draw(grid(["hello"]))
        terminal.resize(width: 8, height: 3)
        #expect(terminal.width == 8 && terminal.height == 3)
        terminal.draw(grid(["tiny"], width: 8, height: 3))
        #expect(terminal.cellsWrittenInLastFrame == 24)
        #expect(terminal.rowText(0) == "tiny    ")
        terminal.resize(width: 20, height: 5)
        terminal.draw(grid(["big again"]))
        #expect(terminal.rowText(0).hasPrefix("big again"))
    }

    @Test("A grid larger than the screen is clipped, never written outside it")
    func clipsLargerGrid() throws {
        let terminal = try makeTerminal(width: 6, height: 2)
        defer { terminal.close() }
        terminal.draw(grid(["abcdefghij", "klmnopqrst", "uvw"], width: 10, height: 3))
        #expect(terminal.rowText(0) == "abcdef")
        #expect(terminal.rowText(1) == "klmnop")
    }

    @Test("Roles get their colour pair and attributes; cell attributes add to them; COLORTERM=truecolor on a 256-colour terminfo stays at 256")
    func appliesStyles() throws {
        let terminal = try makeTerminal(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        defer { terminal.close() }
        #expect(terminal.colorCapability == .color256)
        var frame = Grid(width: 20, height: 5)
        frame[0, 0] = Cell(text: "E", role: .error)
        frame[1, 0] = Cell(text: "s", role: .selection, attributes: .underline)
        frame[2, 0] = Cell(text: "t")
        terminal.draw(frame)
        let error = terminal.cellStyle(x: 0, y: 0)
        let selection = terminal.cellStyle(x: 1, y: 0)
        let text = terminal.cellStyle(x: 2, y: 0)
        #expect(error.pair != 0 && error.pair != selection.pair)
        #expect(error.attributes & cs_attr_bold() != 0)
        #expect(selection.attributes & cs_attr_underline() != 0)
        #expect(text.attributes & (cs_attr_bold() | cs_attr_underline()) == 0)
        var foreground: Int32 = 0
        var background: Int32 = 0
        _ = extended_pair_content(error.pair, &foreground, &background)
        #expect(foreground == 196 && background == -1)
        _ = extended_pair_content(selection.pair, &foreground, &background)
        #expect(foreground == 0 && background == 39)
    }

    @Test("NO_COLOR: no colour pairs, roles told apart by attributes")
    func noColor() throws {
        let terminal = try makeTerminal(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        defer { terminal.close() }
        #expect(terminal.colorCapability == .monochrome)
        var frame = Grid(width: 20, height: 5)
        frame[0, 0] = Cell(text: "s", role: .selection)
        frame[1, 0] = Cell(text: "e", role: .error)
        terminal.draw(frame)
        let selection = terminal.cellStyle(x: 0, y: 0)
        let error = terminal.cellStyle(x: 1, y: 0)
        #expect(selection.pair == 0 && error.pair == 0)
        #expect(selection.attributes & cs_attr_reverse() != 0)
        #expect(error.attributes & cs_attr_bold() != 0 && error.attributes & cs_attr_reverse() != 0)
    }

    @Test("A monochrome terminal type falls back to attributes only")
    func monochromeTerminal() throws {
        let terminal = try Terminal.headless(width: 10, height: 2, theme: Self.theme,
                                             options: .init(mouse: false, bracketedPaste: false, environment: [:]),
                                             terminalName: "xterm-mono")
        defer { terminal.close() }
        #expect(terminal.colorCapability == .monochrome)
    }

    @Test("An unknown terminal type is an error, not an exit")
    func unknownTerminal() {
        #expect(throws: Terminal.OpenError.self) {
            try Terminal.headless(width: 10, height: 2, theme: Self.theme,
                                  options: .init(mouse: false, bracketedPaste: false, environment: [:]),
                                  terminalName: "no-such-terminal-xyz")
        }
    }
}
