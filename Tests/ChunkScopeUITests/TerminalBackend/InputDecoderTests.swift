import ChunkScopeUI
import CNcursesw
import Testing
@testable import TerminalBackend

@Suite("Input decoding")
struct InputDecoderTests {
    func decode(_ units: [InputDecoder.Unit]) -> [KeyEvent] {
        var decoder = InputDecoder()
        return units.flatMap { decoder.feed($0) }
    }

    func characters(_ text: String) -> [InputDecoder.Unit] {
        text.unicodeScalars.map { .character($0.value) }
    }

    @Test("Printable characters, CJK and emoji are character keys")
    func printable() {
        let events = decode(characters("aZ語😀") + [.endOfInput])
        #expect(events == ["a", "Z", "語", "😀"].map { KeyEvent.char($0) })
    }

    static let controlKeys: [(UInt32, KeyEvent)] = [
        (0x0D, KeyEvent.key(.enter)),
        (0x09, KeyEvent.key(.tab)),
        (0x7F, KeyEvent.key(.backspace)),
        (0x08, KeyEvent.key(.backspace)),
        (0x03, KeyEvent.key(.char("c"), .ctrl)),
        (0x0A, KeyEvent.key(.char("j"), .ctrl)),
        (0x00, KeyEvent.key(.char(" "), .ctrl)),
        (0x1F, KeyEvent.key(.char("_"), .ctrl)),
    ]

    @Test("Control characters are named keys or Ctrl chords", arguments: controlKeys)
    func controls(value: UInt32, expected: KeyEvent) {
        #expect(decode([.character(value), .endOfInput]) == [expected])
    }

    @Test("A lone ESC is Escape once input runs dry")
    func loneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character(0x1B)).isEmpty)
        #expect(decoder.feed(.endOfInput) == [KeyEvent.key(.escape)])
    }

    @Test("ESC then a character is an Alt chord (Alt-Enter, Alt-x)")
    func altChords() {
        #expect(decode([.character(0x1B), .character(0x0D), .endOfInput]) == [KeyEvent.key(.enter, .alt)])
        #expect(decode([.character(0x1B), .character(0x78)]) == [KeyEvent.key(.char("x"), .alt)])
        #expect(decode([.character(0x1B), .character(0x1B), .endOfInput]) == [KeyEvent.key(.escape, .alt)])
    }

    @Test("curses key codes map to named keys")
    func keyCodes() {
        #expect(decode([.keyCode(KEY_UP, name: "KEY_UP")]) == [KeyEvent.key(.up)])
        #expect(decode([.keyCode(KEY_NPAGE, name: nil)]) == [KeyEvent.key(.pageDown)])
        #expect(decode([.keyCode(KEY_BTAB, name: nil)]) == [KeyEvent.key(.backTab)])
        #expect(decode([.keyCode(KEY_F0 + 5, name: nil)]) == [KeyEvent.key(.function(5))])
    }

    static let extendedKeys: [(String, KeyEvent)] = [
        ("kUP5", KeyEvent.key(.up, .ctrl)),
        ("kDN3", KeyEvent.key(.down, .alt)),
        ("kRIT2", KeyEvent.key(.right, .shift)),
        ("kEND6", KeyEvent.key(.end, [.shift, .ctrl])),
        ("kNXT5", KeyEvent.key(.pageDown, .ctrl)),
    ]

    @Test("Extended key names carry xterm's modifiers", arguments: extendedKeys)
    func extendedNames(name: String, expected: KeyEvent) {
        #expect(decode([.keyCode(600, name: name)]) == [expected])
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
        #expect(decode(units) == [.paste("line one\nq\u{1B}[31m"), KeyEvent.char("z")])
    }

    @Test("Mouse reports pass through")
    func mouse() {
        let click = MouseEvent(.press(button: 1), x: 3, y: 4)
        #expect(decode([.mouse(click)]) == [.mouse(click)])
    }
}
