import ChunkScopeCore
import Testing

@Suite("JSONParser agrees with Foundation's JSONSerialization", .timeLimit(.minutes(1)))
struct JSONDifferentialTests {
    @Test("Hand-written valid and invalid inputs", arguments: [
        "{}", "[]", "0", "-0", "1.0", "1e5", "-1.5E-3", "\"\"", "\"\\u00e9\\ud83d\\ude00\\/\"", "true", "null",
        "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "{\"a\":1,\"a\":2}", " [ 1 , 2 ] ", "\"\u{7F}\"",
        "", " ", "{", "}", "[", "[1", "[1,", "[1 2]", "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "01", "1.", ".1",
        "+1", "1e", "--1", "0x10", "NaN", "Infinity", "tru", "nul", "True", "\"a", "\"\\x\"", "\"\\u12\"",
        "\"tab\there\"", "[1]]", "{}{}", "1 2", "\"\\ud83d\"", "\"\\ude00\"", "[1,]", "{\"a\":1,}", "1e400",
        "123456789012345678901234567890", "[\"\\u0000\"]", "\u{FEFF}{}",
    ])
    func handWritten(text: String) {
        FoundationJSONOracle.expectAgreement(text)
    }

    @Test("Generated documents (random values, whitespace and escape spellings)")
    func generated() async {
        var generator = RandomJSON(seed: 0xC0FFEE)
        for round in 0..<1500 {
            if round % 50 == 0 { await Task.yield() }  // CPU-bound: let other suites' async tests run
            let value = generator.value()
            let text = generator.text(value)
            FoundationJSONOracle.expectAgreement(text)
            #expect((try? JSONParser.parse(text)) == value, "parse(text(value)) != value for \(text.debugDescription)")
            #expect((try? JSONParser.parse(value.serialized())) == value)
        }
    }
}
