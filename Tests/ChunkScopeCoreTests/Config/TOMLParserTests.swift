import ChunkScopeCore
import PropertyBased
import Testing

@Suite("TOML subset parser")
struct TOMLParserTests {
    @Test("values of every supported kind")
    func values() throws {
        let text = #"""
            # comment
            title = "ChunkScope \"quoted\" \u00e9\t!"   # trailing comment
            literal = 'C:\path\no escapes'
            multi = """
            line one
            line two \
              continued"""
            multi_literal = '''
            raw \n text'''
            int = 1_000
            neg = -42
            hex = 0xff
            oct = 0o17
            bin = 0b101
            float = 3.25
            exp = 1e3
            inf = -inf
            yes = true
            no = false
            list = [1, 2,
              3, # comment inside
            ]
            nested = [[1], ["a"]]
            inline = { a = 1, b.c = "x" }
            dotted.key = "v"
            "quoted key" = 1
            """#
        let root = try TOMLParser.parse(text)
        #expect(root["title"] == .string("ChunkScope \"quoted\" é\t!"))
        #expect(root["literal"] == .string(#"C:\path\no escapes"#))
        #expect(root["multi"] == .string("line one\nline two continued"))
        #expect(root["multi_literal"] == .string(#"raw \n text"#))
        #expect(root["int"] == .integer(1000))
        #expect(root["neg"] == .integer(-42))
        #expect(root["hex"] == .integer(255))
        #expect(root["oct"] == .integer(15))
        #expect(root["bin"] == .integer(5))
        #expect(root["float"] == .float(3.25))
        #expect(root["exp"] == .float(1000))
        #expect(root["inf"] == .float(-.infinity))
        #expect(root["yes"] == .boolean(true))
        #expect(root["no"] == .boolean(false))
        #expect(root["list"] == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(root["nested"] == .array([.array([.integer(1)]), .array([.string("a")])]))
        guard case .table(let inline)? = root["inline"], case .table(let b)? = inline["b"] else {
            Issue.record("inline table missing")
            return
        }
        #expect(inline["a"] == .integer(1))
        #expect(b["c"] == .string("x"))
        guard case .table(let dotted)? = root["dotted"] else {
            Issue.record("dotted key did not make a table")
            return
        }
        #expect(dotted["key"] == .string("v"))
        #expect(root["quoted key"] == .integer(1))
    }

    @Test("tables, nested headers, key order and lines")
    func tables() throws {
        let text = """
            default_profile = "a"

            [profiles.a]
            model = "m"

            [profiles."b.c"]
            model = "n"
            """
        let root = try TOMLParser.parse(text)
        guard case .table(let profiles)? = root["profiles"] else {
            Issue.record("no profiles table")
            return
        }
        #expect(profiles.entries.map(\.key) == ["a", "b.c"])
        guard case .table(let a)? = profiles["a"] else { return }
        #expect(a.line == 3)
        #expect(a.entry("model")?.line == 4)
    }

    /// A broken document and where the error must point.
    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var key: String?
        var fragment: String
        var testDescription: String { fragment }
    }

    static let badCases: [BadCase] = [
        BadCase(text: "a = 1\nb = \"unterminated\n", line: 2, key: "b", fragment: "unterminated string"),
        BadCase(text: "a = 1\na = 2\n", line: 2, key: "a", fragment: "defined twice (first on line 1)"),
        BadCase(text: "[t]\nx = 1\n[t]\n", line: 3, key: "t", fragment: "table defined twice"),
        BadCase(text: "\n\nkey value\n", line: 3, key: "key", fragment: "expected '='"),
        BadCase(text: "x = hello\n", line: 1, key: "x", fragment: "invalid value 'hello' (strings need quotes)"),
        BadCase(text: "x = 1 2\n", line: 1, key: "x", fragment: "one key = value per line"),
        BadCase(text: "x = 2024-01-01\n", line: 1, key: "x", fragment: "dates and times are not supported"),
        BadCase(text: "[[arr]]\n", line: 1, key: nil, fragment: "arrays of tables"),
        BadCase(text: "x = \"\\q\"\n", line: 1, key: "x", fragment: "unknown escape"),
        BadCase(text: "x = [1, 2\n", line: 2, key: "x", fragment: "expected ',' or ']'"),
        BadCase(text: "x = { a = 1\n", line: 1, key: "x", fragment: "inline table must close"),
        BadCase(text: "x = 1\nx.y = 2\n", line: 2, key: "x", fragment: "already defined as an integer on line 1"),
        BadCase(text: "x = 01\n", line: 1, key: "x", fragment: "invalid value"),
        BadCase(text: "x =\n", line: 1, key: "x", fragment: "missing value"),
        BadCase(text: "x = { a = 1 }\n[x]\n", line: 2, key: "x", fragment: "inline table"),
    ]

    @Test("errors name the line and the key", arguments: badCases)
    func errors(_ bad: BadCase) {
        do {
            _ = try TOMLParser.parse(bad.text)
            Issue.record("no error for \(bad.text.debugDescription)")
        } catch {
            #expect(error.line == bad.line, "\(error)")
            #expect(error.key == bad.key, "\(error)")
            #expect(error.message.contains(bad.fragment), "\(error)")
        }
    }

    /// `text` written as a TOML basic string with every escape TOML defines.
    static func basicLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("property: any string survives a basic-string round trip, on any line")
    func stringRoundTrip() async {
        let scalars = Gen.oneOf(Gen.int(in: 0...0x7F), Gen.int(in: 0xA0...0x2FFF), Gen.int(in: 0x1F300...0x1F64F))
            .map { Character(Unicode.Scalar(UInt32($0))!) }
        await propertyCheck(input: scalars.array(of: 0...40), Gen.int(in: 0...5)) { characters, blankLines in
            let text = String(characters)
            let document = String(repeating: "# pad\n", count: blankLines) + "[profiles.p]\nvalue = " + Self.basicLiteral(text) + "\n"
            let root = try? TOMLParser.parse(document)
            guard case .table(let profiles)? = root?["profiles"], case .table(let p)? = profiles["p"] else {
                Issue.record("did not parse: \(document.debugDescription)")
                return
            }
            #expect(p["value"] == .string(text))
            #expect(p.entry("value")?.line == blankLines + 2)
        }
    }
}
