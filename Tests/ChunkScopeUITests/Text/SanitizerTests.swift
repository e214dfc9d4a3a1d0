import Testing
@testable import ChunkScopeUI

@Suite("Sanitizer")
struct SanitizerTests {
    func shown(_ s: String, _ mode: Sanitizer.LineMode = .multiline) -> String {
        Sanitizer.runs(s, mode: mode).map { $0.isEscape ? "[\($0.text)]" : $0.text }.joined()
    }

    @Test("hostile strings become visible escapes", arguments: [
        ("clear\u{1B}[2Jscreen", "clear[␛[2J]screen"),
        ("\u{1B}[1;31mred\u{1B}[0m", "[␛[1;31m]red[␛[0m]"),
        ("\u{1B}]52;c;aGVsbG8=\u{07}after", "[␛]52;c;aGVsbG8=␇]after"),
        ("\u{1B}]0;pwned title\u{1B}\\x", "[␛]0;pwned title␛\\]x"),
        ("\u{1B}]2;t\u{9C}", "[␛]2;t\\x9c]"),
        ("a\u{9B}2Jb", "a[\\x9b2J]b"),
        ("\u{9D}8;;http://x\u{07}", "[\\x9d8;;http://x␇]"),
        ("abc\u{202E}fed", "abc[<U+202E>]fed"),
        ("\u{2066}iso\u{2069}", "[<U+2066>]iso[<U+2069>]"),
        ("nul\u{0}del\u{7F}", "nul[␀]del[␡]"),
        ("bell\u{07}bs\u{08}", "bell[␇]bs[␈]"),
        ("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;x\u{07}\u{1B}\\", "[␛Ptmux;␛␛]52;c;x␇␛\\]"),
        ("\u{1B}c", "[␛c]"),
        ("\u{1B}(B", "[␛(B]"),
        ("\u{1B}", "[␛]"),
        ("\u{85}next", "[\\x85]next"),
        ("cr\rreturn", "cr[␍]return"),
        ("line\r\nnext", "line\nnext"),
        ("tag\u{E0041}\u{E0042}", "tag[<U+E0041><U+E0042>]"),
        ("\u{FEFF}bom", "[<U+FEFF>]bom"),
        ("\u{9D}x \u{202E}y\u{7}z", "[\\x9dx <U+202E>y␇]z"),
    ])
    func hostile(_ input: String, _ expected: String) {
        #expect(shown(input) == expected)
    }

    @Test("no output run contains a control or bidi character")
    func nothingLeaks() {
        var hostile = ""
        for v in 0..<0x20 { hostile += String(Unicode.Scalar(UInt8(v))) + "x" }
        hostile += "\u{7F}\u{80}\u{9B}\u{9F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{61C}"
        for mode in [Sanitizer.LineMode.multiline, .singleLine] {
            for run in Sanitizer.runs(hostile, mode: mode) {
                for s in run.text.unicodeScalars {
                    let v = s.value
                    let allowedBreak = mode == .multiline && v == 0x0A
                    #expect(allowedBreak || !(v < 0x20 || (0x7F..<0xA0).contains(v) || Sanitizer.isDangerousFormat(v)), "leaked U+\(String(v, radix: 16))")
                }
            }
        }
    }

    @Test("single-line mode shows line breaks")
    func singleLine() {
        #expect(shown("a\nb", .singleLine) == "a[␊]b")
    }

    @Test("tabs expand to tab stops from the line start")
    func tabs() {
        #expect(Sanitizer.plain("a\tb", mode: .multiline) == "a   b")
        #expect(Sanitizer.plain("abcd\tb\nx\ty", mode: .multiline) == "abcd    b\nx   y")
    }

    @Test("long OSC payloads are cut with a count")
    func longPayload() {
        let payload = String(repeating: "A", count: 200)
        let out = shown("\u{1B}]52;c;\(payload)\u{07}")
        #expect(out.hasSuffix("…+141␇]"))
    }

    @Test("clean text passes unchanged; emoji flag tag sequences stay intact")
    func clean() {
        #expect(Sanitizer.runs("héllo 世界 👍🏽") == [SanitizedRun("héllo 世界 👍🏽")])
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(Sanitizer.runs(scotland) == [SanitizedRun(scotland)])
    }
}
