import Testing
@testable import ChunkScopeUI

@Suite("JSON pretty printer")
struct JSONPrettyPrinterTests {
    func pretty(_ text: String, width: Int = 40) -> [String] {
        JSONPrettyPrinter.lines(text, width: width).map(\.text)
    }

    @Test("objects and arrays are indented; empty containers stay inline")
    func complete() {
        #expect(pretty(#"{"a":1,"b":[true,null],"c":{},"d":[]}"#) == [
            "{", "  \"a\": 1,", "  \"b\": [", "    true,", "    null", "  ],", "  \"c\": {},", "  \"d\": []", "}",
        ])
    }

    @Test("partial JSON prints as far as it goes", arguments: [
        (#"{"city": "Edin"#, ["{", "  \"city\": \"Edin…"]),
        (#"{"ticker": "AAPL", "ex"#, ["{", "  \"ticker\": \"AAPL\",", "  \"ex…"]),
        (#"{"a": [1, 2"#, ["{", "  \"a\": [", "    1,", "    2"]),
        (#"{"ok": tr"#, ["{", "  \"ok\": tr"]),
    ])
    func partial(_ text: String, _ expected: [String]) {
        #expect(pretty(text) == expected)
    }

    @Test("roles: keys, strings, numbers, literals, punctuation; junk is an error")
    func roles() {
        let lines = JSONPrettyPrinter.lines(#"{"k": "v", "n": -1.5e3, "t": false, "x": @@}"#, width: 40)
        let cells = lines.flatMap(\.cells)
        #expect(cells.contains { $0.role == .jsonKey && $0.text == "k" })
        #expect(cells.contains { $0.role == .jsonString && $0.text == "v" })
        #expect(cells.contains { $0.role == .jsonNumber && $0.text == "e" })
        #expect(cells.contains { $0.role == .jsonLiteral && $0.text == "f" })
        #expect(cells.contains { $0.role == .jsonPunctuation && $0.text == "{" })
        #expect(cells.contains { $0.role == .error && $0.text == "@" })
    }

    @Test("long strings wrap under their value and rows fit the width")
    func wrapping() {
        let rows = pretty(#"{"text": "\#(String(repeating: "word ", count: 12))"}"#, width: 24)
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 24 })
        #expect(rows.count > 3)
        #expect(rows[2].hasPrefix("    "))
    }
}
