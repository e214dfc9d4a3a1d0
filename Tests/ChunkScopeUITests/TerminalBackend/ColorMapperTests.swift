import ChunkScopeUI
import Testing
@testable import TerminalBackend

@Suite("Colour numbers for curses")
struct ColorMapperTests {
    @Test("Capability: the environment's choice, capped by what terminfo can emit")
    func capability() {
        let xterm256 = ["TERM": "xterm-256color"]
        #expect(ColorMapper.capability(environment: xterm256, hasColors: true, colors: 256, direct: false) == .color256)
        #expect(ColorMapper.capability(environment: xterm256.merging(["COLORTERM": "truecolor"]) { $1 },
                                       hasColors: true, colors: 256, direct: false) == .color256)
        #expect(ColorMapper.capability(environment: ["TERM": "xterm-direct"], hasColors: true, colors: 1 << 24, direct: true) == .truecolor)
        #expect(ColorMapper.capability(environment: ["TERM": "xterm"], hasColors: true, colors: 8, direct: false) == .color16)
        #expect(ColorMapper.capability(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"],
                                       hasColors: true, colors: 256, direct: true) == .monochrome)
        #expect(ColorMapper.capability(environment: xterm256, hasColors: false, colors: 0, direct: false) == .monochrome)
    }

    @Test("Palette colours on 256, 16 and 8 colour terminals")
    func palette() {
        let c256 = ColorMapper(colors: 256, direct: false)
        let c16 = ColorMapper(colors: 16, direct: false)
        let c8 = ColorMapper(colors: 8, direct: false)
        #expect(c256.cursesColor(for: .default) == -1)
        #expect(c256.cursesColor(for: .ansi(12)) == 12)
        #expect(c256.cursesColor(for: .indexed(208)) == 208)
        #expect(c16.cursesColor(for: .ansi(12)) == 12)
        #expect(c16.cursesColor(for: .indexed(196)) == 9)
        #expect(c8.cursesColor(for: .ansi(12)) == 4)
        #expect(c8.cursesColor(for: .ansi(3)) == 3)
    }

    @Test("RGB: packed in direct mode (never read as a palette index), nearest palette colour otherwise")
    func rgb() {
        let direct = ColorMapper(colors: 1 << 24, direct: true)
        #expect(direct.cursesColor(for: .rgb(255, 135, 0)) == 0xFF8700)
        #expect(direct.cursesColor(for: .rgb(0, 0, 0)) == 8)
        #expect(direct.cursesColor(for: .ansi(3)) == 3)
        #expect(direct.cursesColor(for: .ansi(9)) == 0xFF0000)
        #expect(direct.cursesColor(for: .indexed(196)) == 0xFF0000)
        #expect(ColorMapper(colors: 256, direct: false).cursesColor(for: .rgb(255, 0, 0)) == 196)
        let sixteen = ColorMapper(colors: 16, direct: false).cursesColor(for: .rgb(255, 0, 0))
        #expect(sixteen == 9)
    }
}
