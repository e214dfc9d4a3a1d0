import ChunkScopeCore
import Testing

@Suite("JSONValue.serialized: exact numbers, RFC 8259 escapes")
struct JSONValueSerializationTests {
    @Test("Compact output keeps member order and number text")
    func compact() {
        let value: JSONValue = .object([
            .init("b", .number("1.50")), .init("a", .array([.bool(true), .null, .number("-0")])),
            .init("e", .object([])), .init("f", .array([])),
        ])
        #expect(value.serialized() == #"{"b":1.50,"a":[true,null,-0],"e":{},"f":[]}"#)
    }

    @Test("Strings escape quote, backslash and control characters only")
    func escaping() {
        let value: JSONValue = .string("q\"b\\s/ n\n r\r t\t \u{8}\u{C}\u{0}\u{1F}\u{7F} é😀")
        #expect(value.serialized() == #""q\"b\\s/ n\n r\r t\t \b\f\u0000\u001f"# + "\u{7F} é😀\"")
    }

    @Test("Pretty output indents by two spaces")
    func pretty() {
        let value: JSONValue = .object([.init("a", .array([.number("1"), .object([.init("b", .null)])])), .init("c", .object([]))])
        #expect(value.serialized(pretty: true) == """
        {
          "a": [
            1,
            {
              "b": null
            }
          ],
          "c": {}
        }
        """)
    }

    @Test("Parse → serialize → parse is the identity", arguments: [
        #"{"id":"x","n":[1,2.0,-3e5],"s":"\u00e9\ud83d\ude00\/\"","o":{"k":null,"t":true}}"#,
        #"[[],{},"",0]"#,
        #""\u0001\u001F""#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(value.serialized()) == value)
        #expect(try JSONParser.parse(value.serialized(pretty: true)) == value)
    }
}
