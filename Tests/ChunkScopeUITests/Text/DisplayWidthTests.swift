import Testing
@testable import ChunkScopeUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("single graphemes", arguments: [
        ("a", 1), (" ", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("ｶ", 1), ("Ａ", 2), ("한", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("😀", 2), ("☺", 1), ("☺\u{FE0F}", 2), ("❤\u{FE0F}", 2),
        ("1\u{FE0F}\u{20E3}", 2), ("👍🏽", 2), ("👩\u{200D}💻", 2), ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2),
        ("🇬🇧", 2), ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2), ("⌚", 2),
        ("5\u{200D}", 1), ("*\u{200D}", 1), ("☝🏽", 2), ("❤\u{200D}🔥", 2), ("☺\u{FE0E}", 1), ("⌚\u{FE0E}", 2),
        ("\u{200B}", 0), ("\u{301}", 0), ("─", 1), ("▍", 1), ("…", 1), ("␛", 1),
    ])
    func grapheme(_ text: String, _ expected: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(text.first!) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("strings sum their graphemes")
    func strings() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("日本語 ok") == 9)
        #expect(DisplayWidth.of("né 👍🏽 🇫🇷") == 8)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("controls count zero (the sanitiser shows them)")
    func controls() {
        #expect(DisplayWidth.of(scalar: "\u{1B}") == 0)
        #expect(DisplayWidth.of(scalar: "\u{9B}") == 0)
    }
}
