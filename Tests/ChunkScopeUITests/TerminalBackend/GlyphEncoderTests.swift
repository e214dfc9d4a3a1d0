import CNcursesw
import Testing
@testable import TerminalBackend

@Suite("Glyph encoding for curses cells", .serialized)
struct GlyphEncoderTests {
    func encode(_ text: String) -> ([UInt32], Int) {
        setlocale(LC_ALL, "C.UTF-8")
        var buffer = [wchar_t](repeating: 0, count: GlyphEncoder.maximumCharacters + 1)
        let width = GlyphEncoder.encode(text, into: &buffer)
        return (buffer.prefix { $0 != 0 }.map { UInt32(bitPattern: $0) }, width)
    }

    @Test("Plain, wide and combined graphemes")
    func graphemes() {
        #expect(encode("a") == ([0x61], 1))
        #expect(encode("語") == ([0x8A9E], 2))
        #expect(encode("e\u{301}") == ([0x65, 0x301], 1))
        #expect(encode("") == ([0x20], 1))
    }

    @Test("Controls become U+FFFD")
    func controls() {
        #expect(encode("\u{1B}").0 == [0xFFFD])
        #expect(encode("\u{85}").0 == [0xFFFD])
        #expect(encode("\u{7F}").0 == [0xFFFD])
    }

    @Test("ZWJ sequences keep their first emoji only (curses holds one spacing character)")
    func zwjSequence() {
        #expect(encode("👩\u{200D}💻") == ([0x1F469], 2))
    }

    @Test("A lone combining mark sits on a space")
    func loneCombining() {
        #expect(encode("\u{301}") == ([0x20, 0x301], 1))
    }
}
