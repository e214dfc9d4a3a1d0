import ChunkScopeCore
import Testing

/// `check --json` output stays valid JSON and inert in a terminal whatever the stream carried.
@Suite("check --json escaping")
struct CheckReportJSONEscapingTests {
    /// Content carrying DEL, C1 controls (NEL, CSI), bidi overrides and isolates, an LRM and a tag
    /// character, sent JSON-escaped as a provider would.
    static let body = Array(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":"
        + "\"a\\u007fb\\u0085c\\u009b2Jd\\u202ee\\u202af\\u2066g\\u2069h\\u200fi\\udb40\\udc41j\"}}]}\n\n"
        + "data: [DONE]\n\n").utf8)
    static let content = "a\u{7F}b\u{85}c\u{9B}2Jd\u{202E}e\u{202A}f\u{2066}g\u{2069}h\u{200F}i\u{E0041}j"

    @Test("DEL, C1 controls and bidi characters are written as \\u escapes and read back the same")
    func escapes() throws {
        let json = CheckReport.check(body: Self.body).json()
        for scalar in json.unicodeScalars {
            #expect(!SafeText.isTerminalActive(scalar), "raw U+\(String(scalar.value, radix: 16)) in \(json)")
        }
        for escape in ["\\u007f", "\\u0085", "\\u009b", "\\u202e", "\\u202a", "\\u2066", "\\u2069", "\\u200f", "\\udb40\\udc41"] {
            #expect(json.contains(escape), "\(escape) missing in \(json)")
        }
        let parsed = try JSONParser.parse(json)
        guard case .array(let choices)? = parsed["choices"] else {
            Issue.record("no choices in \(json)")
            return
        }
        #expect(choices.first?["content"]?.stringValue == Self.content)
    }

    @Test("ordinary text, including non-ASCII, is written as is")
    func plain() {
        let body = Array("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"héllo 中文 😀\"}}]}\n\ndata: [DONE]\n\n".utf8)
        #expect(CheckReport.check(body: body).json().contains("\"content\":\"héllo 中文 😀\""))
    }
}
