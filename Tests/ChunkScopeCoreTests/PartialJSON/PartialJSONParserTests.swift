import Testing
@testable import ChunkScopeCore

@Suite("PartialJSONParser")
struct PartialJSONParserTests {
    private func parse(_ fragments: [String]) -> PartialJSONParser {
        var parser = PartialJSONParser()
        for f in fragments { parser.feed(f) }
        return parser
    }

    @Test("valid documents finish as complete", arguments: [
        #"{}"#, #"[]"#, #"{"a":1}"#, #" {"city": "Paris", "days": [1, 2.5, -3e2], "ok": true, "n": null} "#,
        #""x""#, "0", "-0.5E+3", #"[[],{},[{"k":[false]}]]"#, #"{"s":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"}"#,
    ])
    func validDocuments(text: String) {
        var parser = parse([text])
        #expect(parser.finish().status == .complete)
    }

    @Test("invalid documents report the offending byte offset", arguments: [
        (#"{"a":1,}"#, 7), (#"{"a" 1}"#, 5), ("[1 2]", 3), ("01", 1), ("tru", 3), (#"{"a":1}x"#, 7),
        ("", 0), ("   ", 3), (#"{"a":"#, 5), ("[1.]", 3), ("-", 1), (#""a\x""#, 3), ("{\"a\n\":1}", 3),
        (#"{"a":1"#, 6), ("nul!", 3),
    ])
    func invalidDocuments(text: String, offset: Int) {
        var parser = parse([text])
        let tree = parser.finish()
        guard case .invalid(let at, _) = tree.status else {
            Issue.record("expected invalid for \(text), got \(tree.status)")
            return
        }
        #expect(at == offset, "\(text)")
    }

    @Test("the tree of a prefix shows closed values, open containers and the partial tail")
    func partialTree() {
        let parser = parse([#"{"city": "Par"#])
        let tree = parser.tree()
        #expect(tree.status == .incomplete)
        #expect(tree.root == .object([PartialJSONMember(key: "city", value: .string("Par", complete: false))], closed: false))

        let pendingKey = parse([#"{"city": "Paris", "da"#]).tree()
        #expect(pendingKey.root == .object([
            PartialJSONMember(key: "city", value: .string("Paris", complete: true)),
            PartialJSONMember(key: "da", keyComplete: false, value: nil),
        ], closed: false))

        let nested = parse([#"{"a": [1, {"b": tr"#]).tree()
        #expect(nested.root == .object([
            PartialJSONMember(key: "a", value: .array([
                .number("1", complete: true),
                .object([PartialJSONMember(key: "b", value: .partialLiteral("tr"))], closed: false),
            ], closed: false)),
        ], closed: false))

        let number = parse([#"[12"#]).tree()
        #expect(number.root == .array([.number("12", complete: false)], closed: false))
    }

    @Test("a complete value can still be made invalid by later bytes")
    func completeThenInvalid() {
        var parser = parse([#"{"a":1}"#])
        #expect(parser.tree().status == .complete)
        parser.feed(#"{"b":2}"#)
        guard case .invalid(let offset, _) = parser.finish().status else {
            Issue.record("expected invalid")
            return
        }
        #expect(offset == 7)
    }

    @Test("any split into fragments gives the same tree and status")
    func splitInvariance() {
        let texts = [#"{"location": "Paris, France", "unit": "celsius", "days": [1, 2, 3], "x": {"y": null}}"#,
                     #"{"q": "caf\u00e9 \ud83d\ude00 ünï", "n": -12.5e-3}"#, #"{"broken": [1, 2"#, #"{"a":1}}"#]
        for text in texts {
            var whole = parse([text])
            let expected = whole.finish()
            let scalars = text.unicodeScalars.map { String($0) }
            var byScalar = parse(scalars)
            #expect(byScalar.finish() == expected)
            for cut in stride(from: 1, to: scalars.count, by: 3) {
                var split = parse([scalars[..<cut].joined(), scalars[cut...].joined()])
                #expect(split.finish() == expected, "cut at \(cut)")
            }
        }
    }

    @Test("after the first error, further bytes are counted but not parsed")
    func stopsAtError() {
        var parser = parse(["[1,,", "2]"])
        #expect(parser.isInvalid)
        let tree = parser.finish()
        #expect(tree.byteCount == 6)
        #expect(tree.status == .invalid(byteOffset: 3, message: "unexpected byte where a value should start"))
    }

    @Test("strings decode escapes and surrogate pairs; a lone surrogate becomes U+FFFD")
    func stringDecoding() {
        var parser = parse([#"["\u00e9\ud83d", "\ude00", "\ud83d\ude00", "\ud800x"]"#])
        let tree = parser.finish()
        #expect(tree.status == .complete)
        #expect(tree.root == .array([
            .string("é\u{FFFD}", complete: true), .string("\u{FFFD}", complete: true),
            .string("😀", complete: true), .string("\u{FFFD}x", complete: true),
        ], closed: true))
    }
}

@Suite("PartialJSONTree rendering")
struct PartialJSONTreeRenderingTests {
    private func render(_ text: String) -> String {
        var parser = PartialJSONParser()
        parser.feed(text)
        return parser.tree().rendered()
    }

    @Test("a prefix renders as the JSON so far, open containers left open")
    func prefixes() {
        #expect(render(#"{"city": "Par"#) == "{\n  \"city\": \"Par")
        #expect(render(#"{"city": "Paris", "da"#) == "{\n  \"city\": \"Paris\",\n  \"da")
        #expect(render(#"{"a": [1, tr"#) == "{\n  \"a\": [\n    1,\n    tr")
        #expect(render(#"{"a":"#) == "{\n  \"a\": ")
        #expect(render("") == "")
    }

    @Test("a complete value renders pretty, with escapes")
    func complete() {
        #expect(render(#"{"a":[],"b":{},"c":[true,null,-1.5e3],"d":"x\u001b\ny"}"#) ==
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    true,\n    null,\n    -1.5e3\n  ],\n  \"d\": \"x\\u001b\\ny\"\n}")
    }
}
