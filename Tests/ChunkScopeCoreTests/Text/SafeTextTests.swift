import ChunkScopeCore
import Testing

/// The shared "safe to print" policy as the headless commands use it.
@Suite("Safe text (headless)")
struct SafeTextTests {
    @Test("visible keeps line breaks and tabs and shows everything a terminal would act on", arguments: [
        ("plain text\n\tindented", "plain text\n\tindented"),
        ("a\u{1B}[2Jb", "a␛[2Jb"),
        ("\u{1B}]52;c;aGk=\u{07}", "␛]52;c;aGk=␇"),
        ("\u{9B}31m red", "\\x9b31m red"),
        ("\u{85}next", "\\x85next"),
        ("del\u{7F}", "del␡"),
        ("nul\u{0}", "nul␀"),
        ("abc\u{202E}def\u{2066}", "abc<U+202E>def<U+2066>"),
        ("crlf\r\nlone\rcr", "crlf\nlone␍cr"),
        ("🏴\u{E0067}\u{E0062}\u{E007F} flag, stray \u{E0041}", "🏴\u{E0067}\u{E0062}\u{E007F} flag, stray <U+E0041>"),
        ("🏴\u{7}\u{E0041} a control ends the tag sequence", "🏴␇<U+E0041> a control ends the tag sequence"),
        ("🏴\u{202E}\u{E0041}", "🏴<U+202E><U+E0041>"),
    ])
    func visible(_ input: String, _ expected: String) {
        #expect(SafeText.visible(input) == expected)
    }

    @Test("terminal-active scalars", arguments: [0x00, 0x1B, 0x7F, 0x80, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x200F, 0xFEFF, 0xE0001] as [UInt32])
    func active(_ value: UInt32) throws {
        #expect(SafeText.isTerminalActive(try #require(Unicode.Scalar(value))))
    }

    @Test("ordinary scalars are not terminal-active", arguments: [0x41, 0xA0, 0xE9, 0x4E2D, 0x1F600] as [UInt32])
    func inactive(_ value: UInt32) throws {
        #expect(!SafeText.isTerminalActive(try #require(Unicode.Scalar(value))))
    }
}
