import Testing
@testable import ChunkScopeCore

@Suite("CheckReport")
struct CheckReportTests {
    @Test("the JSON object has exactly the documented keys, with nulls where absent")
    func jsonShape() throws {
        let body = Array(("""
        data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}

        data: [DONE]

        """).utf8)
        let report = CheckReport.check(body: body)
        #expect(report.json() == #"{"choices":[{"index":0,"content":null,"reasoning":null,"refusal":null,"tool_calls":[{"index":0,"id":"c1","type":"function","name":"f","arguments":"{}"}],"finish_reason":"tool_calls"}],"usage":null,"diagnostics":[],"events":2}"#)
        #expect(!report.hasError)
    }

    @Test("diagnostics carry code, severity, event (null for whole-stream) and message")
    func diagnosticsShape() {
        let report = CheckReport.check(body: Array("data: {oops\n\n".utf8))
        let text = report.json()
        #expect(text.contains(#"{"code":"CS201","severity":"error","event":1,"message":"#))
        #expect(text.contains(#"{"code":"CS108","severity":"error","event":null,"message":"#))
        #expect(report.hasError)
    }

    @Test("unusable input: empty, binary, or no SSE line", arguments: [
        ("", true), ("\u{0}\u{1}PNG", true), (#"{"error":{"message":"nope"}}"#, true), ("<html><body>502</body></html>", true),
        ("data: [DONE]\n\n", false), (": ping\n", false), ("\u{FEFF}data:x\n\n", false), ("data\n\n", false), ("event: x\r\n", false),
    ])
    func unusable(text: String, isUnusable: Bool) {
        #expect((CheckReport.unusableReason(for: Array(text.utf8)) != nil) == isUnusable, "\(text.debugDescription)")
    }

    @Test("the readable summary shows text, tool calls, usage and findings, with escapes made visible")
    func readable() {
        let body = Array(("""
        data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi \\u001b[2J there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}

        """).utf8)
        let text = CheckReport.check(body: body).text()
        #expect(text.contains("choice 0 — finish_reason: stop"))
        #expect(text.contains("    Hi \\u{1b}[2J there"))
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains(#"usage: {"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}"#))
        #expect(text.contains("CS105 warning"))
    }
}
