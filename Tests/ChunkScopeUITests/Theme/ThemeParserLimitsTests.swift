import Foundation
import Testing
@testable import ChunkScopeUI

/// Hostile theme files: one enormous line, terminal escapes in the text. The format has no nesting
/// of its own (`inherits` chains are bounded by the loader); messages quote file text with control
/// characters made visible and at most 60 characters.
@Suite("Theme parser limits", .timeLimit(.minutes(1)))
struct ThemeParserLimitsTests {
    @Test("an escape sequence in a bad line is shown, not sent to the terminal")
    func escapesInMessages() {
        let inputs = ["\u{1b}]0;owned\u{07}\u{1b}[2J", "title = \u{1b}[31m", "inherits = \u{9b}2J", "title = red on \u{1b}c",
                      "title = red \u{1b}[5m"]
        for text in inputs {
            #expect {
                try ThemeParser.parse(text, file: "evil.theme")
            } throws: { error in
                guard let error = error as? ThemeParseError else { return false }
                return error.line == 1 && !error.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
                    && error.message.contains("\\u{")
            }
        }
    }

    @Test("a 1 MB line is reported on one short line")
    func hugeLine() {
        let line = String(repeating: "x", count: 1 << 20)
        #expect {
            try ThemeParser.parse("title = red\n" + line + "\n", file: "big.theme")
        } throws: { error in
            guard let error = error as? ThemeParseError else { return false }
            return error.line == 2 && error.message == "expected `key = value`, got `\(String(repeating: "x", count: 60))…`"
        }
    }
}
