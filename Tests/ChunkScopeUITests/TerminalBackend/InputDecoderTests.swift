import CNcursesw
import Testing
@testable import TerminalBackend

@Suite("Input decoding")
struct InputDecoderTests {
    func decode(_ units: [InputDecoder.Unit]) -> [TerminalEvent] {
        var decoder = InputDecoder()
        return units.flatMap { decoder.feed($0) }
    }

    func characters(_ text: String) -> [InputDecoder.Unit] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test("Printable characters, CJK and emoji are character keys")
    func printable() {
        let events = decode(characters("aZ語😀") + [.endOfInput])
        #expect(events == ["a", "Z", "語", "😀"].map { .key(KeyEvent(.character($0))) })
    }

    static let controlKeys: [(UInt32, KeyEvent)] = [
        (0x0D, KeyEvent(.enter)),
        (0x09, KeyEvent(.tab)),
        (0x7F, KeyEvent(.backspace)),
        (0x08, KeyEvent(.backspace)),
        (0x03, KeyEvent(.character("c"), modifiers: .control)),
        (0x0A, KeyEvent(.character("j"), modifiers: .control)),
        (0x00, KeyEvent(.character(" "), modifiers: .control)),
        (0x1F, KeyEvent(.character("_"), modifiers: .control)),
    ]

    @Test("Control characters are named keys or Ctrl chords", arguments: controlKeys)
    func controls(value: UInt32, expected: KeyEvent) {
        #expect(decode([.character(value), .endOfInput]) == [.key(expected)])
    }

    @Test("A lone ESC is Escape once input runs dry")
    func loneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character(0x1B)).isEmpty)
        #expect(decoder.feed(.endOfInput) == [.key(KeyEvent(.escape))])
    }

    @Test("ESC then a character is an Alt chord (Alt-Enter, Alt-x)")
    func altChords() {
        #expect(decode([.character(0x1B), .character(0x0D), .endOfInput]) == [.key(KeyEvent(.enter, modifiers: .alt))])
        #expect(decode([.character(0x1B), .character(0x78)]) == [.key(KeyEvent(.character("x"), modifiers: .alt))])
        #expect(decode([.character(0x1B), .character(0x1B), .endOfInput]) == [.key(KeyEvent(.escape, modifiers: .alt))])
    }

    @Test("curses key codes map to named keys")
    func keyCodes() {
        #expect(decode([.keyCode(KEY_UP, name: "KEY_UP")]) == [.key(KeyEvent(.up))])
        #expect(decode([.keyCode(KEY_NPAGE, name: nil)]) == [.key(KeyEvent(.pageDown))])
        #expect(decode([.keyCode(KEY_BTAB, name: nil)]) == [.key(KeyEvent(.tab, modifiers: .shift))])
        #expect(decode([.keyCode(KEY_F0 + 5, name: nil)]) == [.key(KeyEvent(.function(5)))])
    }

    static let extendedKeys: [(String, KeyEvent)] = [
        ("kUP5", KeyEvent(.up, modifiers: .control)),
        ("kDN3", KeyEvent(.down, modifiers: .alt)),
        ("kRIT2", KeyEvent(.right, modifiers: .shift)),
        ("kEND6", KeyEvent(.end, modifiers: [.shift, .control])),
        ("kNXT5", KeyEvent(.pageDown, modifiers: .control)),
    ]

    @Test("Extended key names carry xterm's modifiers", arguments: extendedKeys)
    func extendedNames(name: String, expected: KeyEvent) {
        #expect(decode([.keyCode(600, name: name)]) == [.key(expected)])
    }

    @Test("Unknown key codes are dropped")
    func unknownCodes() {
        #expect(decode([.keyCode(700, name: "kFOO")]).isEmpty)
        #expect(decode([.keyCode(701, name: nil)]).isEmpty)
    }

    @Test("A bracketed paste is one event with LF line ends, even across reads and with escapes inside")
    func bracketedPaste() {
        let units: [InputDecoder.Unit] = [.keyCode(InputDecoder.pasteStartCode, name: nil)]
            + characters("line one\r") + [.endOfInput]
            + characters("q\u{1B}[31m") + [.keyCode(KEY_UP, name: "KEY_UP")]
            + [.keyCode(InputDecoder.pasteEndCode, name: nil)]
            + characters("z")
        #expect(decode(units) == [.paste("line one\nq\u{1B}[31m"), .key(KeyEvent(.character("z")))])
    }

    @Test("Mouse reports pass through")
    func mouse() {
        let click = MouseEvent(action: .press, x: 3, y: 4)
        #expect(decode([.mouse(click)]) == [.mouse(click)])
    }
}
