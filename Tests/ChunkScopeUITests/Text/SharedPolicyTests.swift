import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

/// The dashboard and the headless commands show hostile text the same way: `Sanitizer` is
/// `SafeText` plus tab stops and styled runs.
@Suite("One safe-to-print policy")
struct SharedPolicyTests {
    @Test("headless output equals the dashboard's text for the same input", arguments: [
        "clear\u{1B}[2Jscreen", "\u{1B}]52;c;aGVsbG8=\u{07}after", "a\u{9B}2Jb", "\u{9D}8;;http://x\u{07}",
        "abc\u{202E}fed", "\u{2066}iso\u{2069}", "nul\u{0}del\u{7F}", "c1 \u{85}\u{8D}", "line\r\nbreak\rlone",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} and \u{E0041}", "\u{1B}]0;" + String(repeating: "x", count: 100) + "\u{07}",
        "\u{FEFF}bom \u{2028}sep", "plain ascii", "中文 😀",
    ])
    func sameVisibleForms(_ text: String) {
        #expect(SafeText.visible(text) == Sanitizer.plain(text, mode: .multiline))
    }

    @Test("random scalars: the same visible forms, and nothing terminal-active survives")
    func randomScalars() {
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt32] = Array(0x00...0x20) + [0x1B, 0x5B, 0x5D, 0x07, 0x5C, 0x7F] + Array(0x80...0x9F)
            + [0x202A, 0x202E, 0x2066, 0x2069, 0x200F, 0xFEFF, 0xE0041, 0x1F3F4, 0xE007F, 0x41, 0x4E2D]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                if let scalar = pool.randomElement(using: &generator).flatMap(Unicode.Scalar.init) {
                    text.unicodeScalars.append(scalar)
                }
            }
            let visible = SafeText.visible(text)
            if !text.unicodeScalars.contains("\t") {
                #expect(visible == Sanitizer.plain(text, mode: .multiline), "\(text.debugDescription)")
            }
            // Only line breaks, tabs and the tags of an emoji tag sequence (🏴 + tags) pass through.
            var previous: Unicode.Scalar?
            for scalar in visible.unicodeScalars {
                if (0xE0000...0xE007F).contains(scalar.value) {
                    #expect(previous == "🏴" || previous.map { (0xE0000...0xE007F).contains($0.value) } == true,
                            "stray tag in \(visible.debugDescription) from \(text.debugDescription)")
                } else {
                    #expect(scalar == "\n" || scalar == "\t" || !SafeText.isTerminalActive(scalar),
                            "U+\(String(scalar.value, radix: 16)) in \(visible.debugDescription) from \(text.debugDescription)")
                }
                previous = scalar
            }
        }
    }
}
