import Testing
@testable import ChunkScopeUI

@Suite("Wrapping")
struct WrapTests {
    func wrap(_ text: String, _ width: Int, indent: String = "") -> [String] {
        let cells = StyledLine.cells(text, role: .text)
        let hanging = StyledLine.cells(indent, role: .text)
        return TextWrapper.wrap(cells, width: width, continuationIndent: hanging).map { $0.map(\.text).joined() }
    }

    @Test("word wrap at spaces, no leading spaces on continuation rows")
    func words() {
        #expect(wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
        #expect(wrap("a  b", 2) == ["a ", "b"])
    }

    @Test("long words hard-break, filling the current row first (like Python's textwrap)")
    func hardBreak() {
        #expect(wrap("ab abcdefghijkl cd", 5) == ["ab ab", "cdefg", "hijkl", "cd"])
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test("CJK breaks between characters; a wide char never starts in the last column")
    func wide() {
        #expect(wrap("日本語のテキスト", 7) == ["日本語", "のテキ", "スト"])
        #expect(wrap("a日本", 4) == ["a日", "本"])
    }

    @Test("graphemes are never split")
    func graphemes() {
        let rows = wrap("👩‍💻👩‍💻👩‍💻 e\u{301}e\u{301}", 4)
        #expect(rows == ["👩‍💻👩‍💻", "👩‍💻", "éé"])
    }

    @Test("hanging indent")
    func indent() {
        #expect(wrap("one two three four", 9, indent: "  ") == ["one two", "  three", "  four"])
    }

    @Test("no row is wider than the width; feeding in pieces equals wrapping at once", arguments: [3, 5, 8, 13, 21])
    func invariants(width: Int) {
        let text = "Streaming 日本語 text with 👍🏽 emoji, averyveryverylongwordthatneedsbreaking and e\u{301} marks. " + String(repeating: "ab ", count: 20)
        let cells = StyledLine.cells(text, role: .text)
        let whole = TextWrapper.wrap(cells, width: width)
        for row in whole { #expect(row.reduce(0) { $0 + Int($1.width) } <= width) }
        var pieces = TextWrapper(width: width)
        for (i, cell) in cells.enumerated() {
            pieces.append(cell)
            if i % 7 == 0 { _ = pieces.finished() }
        }
        #expect(pieces.finished() == whole)
        #expect(whole.flatMap { $0 }.map(\.text).joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
    }
}

@Suite("Text search")
struct TextSearchTests {
    @Test("ASCII case-insensitive, exact for other scripts, empty never matches")
    func search() {
        #expect(TextSearch("UsAgE").matches(#"{"usage":{"prompt_tokens":1}}"#))
        #expect(TextSearch("日本").matches("a日本語"))
        #expect(!TextSearch("日本x").matches("a日本語"))
        #expect(!TextSearch("").matches("anything"))
        #expect(!TextSearch("longer than the haystack").matches("short"))
        #expect(TextSearch("é").matches("café"))
    }
}
