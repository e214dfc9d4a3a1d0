import ChunkScopeCore
import Testing

@Suite("Redaction")
struct RedactionTests {
    @Test("credential headers are redacted by name or by value", arguments: [
        ("Authorization", "Bearer abc", true), ("x-api-key", "abc", true), ("api-key", "abc", true),
        ("X-Goog-Api-Key", "abc", true), ("X-Auth-Token", "abc", true), ("X-Client-Secret", "abc", true),
        ("X-Custom", "sk-proj-abcdefghijklmnop", true), ("X-Other", "gsk_abcdefghijklmnop", true),
        ("OpenAI-Organization", "org-abc", false), ("Content-Type", "application/json", false),
        ("X-Title", "ChunkScope", false), ("HTTP-Referer", "https://example.com", false),
    ])
    func headers(_ name: String, _ value: String, _ redacted: Bool) {
        let result = Redaction.redact(HTTPHeader(name, value))
        #expect((result.value == Redaction.marker) == redacted)
        #expect(result.name == name)
    }

    @Test("response rate-limit headers stay visible")
    func responseHeaders() {
        let header = HTTPHeader("x-ratelimit-remaining-tokens", "29999")
        #expect(Redaction.redactResponseHeader(header) == header)
        #expect(Redaction.redactResponseHeader(HTTPHeader("set-cookie", "a=b")).value == Redaction.marker)
    }

    @Test("text: known secrets, key-shaped tokens and bearer values are replaced")
    func text() {
        let secret = Secret("my-very-own-secret-value")
        let text = "bad key sk-abcdefghijklmnop, Bearer abcdefghijk and my-very-own-secret-value; sk-short ok"
        let redacted = Redaction.redactText(text, secrets: [secret])
        #expect(redacted == "bad key [REDACTED], Bearer [REDACTED] and [REDACTED]; sk-short ok")
    }

    @Test("the masker hides secrets split across any buffers, keeping lengths")
    func masker() {
        let key = "sk-test-0123456789"
        let body = Array("{\"error\":\"bad key \(key) and again \(key)\"}".utf8)
        for split in 1..<body.count {
            var masker = SecretMasker(secrets: [Secret(key)])
            var out = masker.feed(Array(body[..<split]))
            out += masker.feed(Array(body[split...]))
            out += masker.finish()
            #expect(out.count == body.count)
            #expect(!String(decoding: out, as: UTF8.self).contains("0123456789"), "split at \(split)")
        }
        var plain = SecretMasker(secrets: [Secret(key)])
        #expect(plain.feed(Array("data: hello\n\n".utf8)) == Array("data: hello\n\n".utf8), "ordinary bytes pass at once")
    }
}
