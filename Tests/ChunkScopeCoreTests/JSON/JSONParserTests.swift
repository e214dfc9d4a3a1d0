import ChunkScopeCore
import Testing

@Suite("JSONParser: strict RFC 8259 with exact error offsets")
struct JSONParserTests {
    private func error(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("Scalars at top level, with surrounding whitespace")
    func scalars() throws {
        #expect(try JSONParser.parse(" null ") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("\tfalse\r\n") == .bool(false))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("-12.5e+3") == .number("-12.5e+3"))
    }

    @Test("Numbers keep their exact text", arguments: ["0", "-0", "1.0", "0.00012", "1e3", "1E-7", "123456789012345678901234567890", "1e400"])
    func numberText(text: String) throws {
        #expect(try JSONParser.parse(text) == .number(text))
    }

    @Test("Objects keep member order and duplicate keys")
    func objectOrder() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":[true,null],"b":{"c":"d"}}"#)
        #expect(value == .object([
            .init("b", .number("1")),
            .init("a", .array([.bool(true), .null])),
            .init("b", .object([.init("c", .string("d"))])),
        ]))
        #expect(value["b"] == .object([.init("c", .string("d"))]))
    }

    @Test("Escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u")
    func escapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try JSONParser.parse(#""caf\u00e9 \u65E5""#) == .string("café 日"))
        #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test("Surrogate pairs combine; lone surrogates become U+FFFD")
    func surrogates() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""\uD83D\uDE00!""#) == .string("😀!"))
        #expect(try JSONParser.parse(#""\ud83d""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(#""\ude00x""#) == .string("\u{FFFD}x"))
        #expect(try JSONParser.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONParser.parse(#""\ud83d\ud83d\ude00""#) == .string("\u{FFFD}😀"))
    }

    @Test("Non-ASCII text passes through unchanged")
    func unicodeText() throws {
        #expect(try JSONParser.parse("\"héllo 😀 日本\"") == .string("héllo 😀 日本"))
    }

    @Test("Errors carry the exact byte offset and a clear message", arguments: [
        ("", 0, "unexpected end of input"),
        ("{", 1, "string key"),
        ("{\"a\" 1}", 5, "':'"),
        ("{\"a\":1 \"b\":2}", 7, "',' or '}'"),
        ("[1 2]", 3, "',' or ']'"),
        ("[1,]", 3, "trailing comma"),
        ("{\"a\":1,}", 7, "trailing comma"),
        ("01", 1, "leading zeros"),
        ("-", 1, "digit"),
        ("1.", 2, "digit after '.'"),
        ("1e+", 3, "exponent"),
        (".5", 0, "value"),
        ("tru", 3, "end of input"),
        ("trux", 0, "'true'"),
        ("nulL", 0, "'null'"),
        ("\"abc", 4, "unterminated string"),
        ("\"a\tb\"", 2, "control character U+0009"),
        ("\"\\x\"", 1, "invalid escape"),
        ("\"\\u12G4\"", 1, "\\u escape"),
        ("{\"a\":1} x", 8, "after the JSON value"),
        ("é", 0, "non-ASCII"),
        ("[\"ok\", é]", 7, "non-ASCII"),
    ] as [(String, Int, String)])
    func errors(text: String, offset: Int, fragment: String) {
        guard let error = error(text) else {
            Issue.record("\(text) parsed but should fail")
            return
        }
        #expect(error.byteOffset == offset, "\(text): \(error)")
        #expect(error.message.contains(fragment), "\(text): \(error.message)")
    }

    @Test("Nesting deeper than the limit is an error, not a crash")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let failure = error(deep)
        #expect(failure?.byteOffset == 512)
        #expect(failure?.message.contains("nesting") == true)
        let custom = error(#"{"a":{"b":{}}}"#)
        #expect(custom == nil)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":{"b":{}}}"#, maxDepth: 2) }
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(error(hostile)?.message.contains("nesting") == true)
    }

    @Test("Invalid UTF-8 in raw bytes is an error at the bad byte")
    func invalidUTF8Bytes() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(byteOffset: 2, message: "invalid UTF-8 in string")) {
            try JSONParser.parse(bytes: bytes)
        }
    }

    @Test("Error description names the offset")
    func errorDescription() {
        #expect(error("[1,]")?.description == "trailing comma before ']' (at byte 3)")
    }
}

@Suite("JSONParser: byte order mark")
struct JSONParserByteOrderMarkTests {
    @Test("A leading UTF-8 BOM is ignored (RFC 8259 §8.1); offsets still count it")
    func leadingBOM() throws {
        #expect(try JSONParser.parse("\u{FEFF}{}") == .object([]))
        #expect(throws: JSONParseError(byteOffset: 4, message: "unexpected end of input, expected a string key")) {
            try JSONParser.parse("\u{FEFF}{")
        }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("{}\u{FEFF}") }
    }
}
