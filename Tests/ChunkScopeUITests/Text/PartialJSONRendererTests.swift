import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Partial JSON tree rendering")
struct PartialJSONRendererTests {
    func tree(_ text: String) -> PartialJSONTree {
        var parser = PartialJSONParser()
        parser.feed(text)
        return parser.tree()
    }

    @Test("complete JSON renders like the text pretty-printer", arguments: [
        #"{"city": "Edinburgh", "days": [1, 2, {"x": null}], "ok": true, "e": {}, "f": []}"#,
        #"[{"a": "b"}, -1.5e3, false]"#,
    ])
    func same(_ text: String) {
        let fromTree = PartialJSONRenderer.lines(tree(text), width: 40)?.map(\.text)
        #expect(fromTree == JSONPrettyPrinter.lines(text, width: 40).map(\.text))
    }

    @Test("every prefix renders, within the width, open containers left open")
    func prefixes() {
        let text = #"{"location": "Paris, France", "unit": "celsius", "days": [1, 2]}"#
        var prefix = ""
        for c in text {
            prefix.append(c)
            let rows = PartialJSONRenderer.lines(tree(prefix), width: 24) ?? []
            for row in rows { #expect(row.width <= 24, "\(prefix)") }
        }
        #expect(PartialJSONRenderer.lines(tree(#"{"location": "Par"#), width: 40)?.map(\.text) == ["{", #"  "location": "Par…"#])
        #expect(PartialJSONRenderer.lines(tree(#"{"a": [1, tr"#), width: 40)?.map(\.text) == ["{", #"  "a": ["#, "    1,", "    tr…"])
    }

    @Test("decoded strings are re-escaped; hostile text is shown, not emitted")
    func escaping() {
        let rows = PartialJSONRenderer.lines(tree(#"{"a": "x\u001b[2J\"q\"\n"}"#), width: 60)!.map(\.text)
        #expect(rows[1] == #"  "a": "x\u001b[2J\"q\"\n""#)
        let bidi = PartialJSONRenderer.lines(tree("{\"a\": \"\u{202E}evil\"}"), width: 60)!
        #expect(bidi[1].cells.contains { $0.role == .escape })
    }

    @Test("long string values (growing, then finished while later members arrive) render like whole")
    func growingString() {
        var content = ""
        for i in 0..<300 { content += "line \(i): café 日本 \\n\\t\\\"q\\\" " }
        let arguments = "{\"path\": \"a.txt\", \"content\": \"" + content + "\", \"more\": [\"" + content + "\", 1], \"mode\": \"w\"}"
        let cache = LongStringCache()
        var parser = PartialJSONParser()
        let chars = Array(arguments)
        var i = 0
        while i < chars.count {
            let step = 1 + (i * 7) % 53
            parser.feed(String(chars[i..<min(chars.count, i + step)]))
            i += step
            let tree = parser.tree()
            let incremental = PartialJSONRenderer.lines(tree, width: 30, strings: cache)
            #expect(incremental == PartialJSONRenderer.lines(tree, width: 30), "at \(i)")
        }
    }
}
