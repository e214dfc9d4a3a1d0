import ChunkScopeCore
@testable import ChunkScopeTransport
import Foundation
@testable import MockProvider
import Testing

@Suite("Request building")
struct ChatRequestTests {
    @Test("the body is valid JSON: model, messages, stream, stream_options, tools, params in order")
    func body() throws {
        let request = ChatRequest(baseURL: "https://api.example.com/v1/", model: "m",
                                  messages: [ChatMessage(role: "system", content: "be \"brief\"\n"), ChatMessage(role: "user", content: "hi ✓")],
                                  params: [.init("temperature", .number("0.20")), .init("stream", .bool(false)),
                                           .init("stream_options", .object([.init("include_usage", .bool(false))]))],
                                  toolsJSON: #"[{"type":"function","function":{"name":"f"}}]"#)
        #expect(request.url == "https://api.example.com/v1/chat/completions")
        let json = try JSONParser.parse(request.body())
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["model", "messages", "stream", "stream_options", "tools", "temperature"])
        #expect(json["stream"] == .bool(true), "stream can never be overridden")
        #expect(json["temperature"] == .number("0.20"), "numbers keep their text")
        #expect(json["stream_options"]?["include_usage"] == .bool(false), "params override ChunkScope's own fields")
        #expect(json["messages"]?.serialized() == #"[{"role":"system","content":"be \"brief\"\n"},{"role":"user","content":"hi ✓"}]"#)
    }

    @Test("the body carries whole messages: tool_calls byte-exact, null content, refusal, tool_call_id")
    func bodyWithToolRoundTrip() throws {
        let call = ToolCallRecord(id: "call_1", name: "get_weather", arguments: "{\"city\": \"Paris\" , \"u\":\"\\u00e9\"}")
        let request = ChatRequest(baseURL: "http://h/v1", model: "m", messages: [
            ChatMessage(role: "user", content: "weather?"),
            ChatMessage(role: "assistant", content: nil, toolCalls: [call]),
            ChatMessage(role: "tool", content: "sunny", toolCallID: "call_1"),
            ChatMessage(role: "assistant", content: nil, refusal: "I can't"),
        ])
        let json = try JSONParser.parse(request.body())
        guard case .array(let messages)? = json["messages"] else {
            Issue.record("no messages array")
            return
        }
        #expect(messages.count == 4)
        #expect(messages[1]["content"] == .null)
        #expect(messages[1]["tool_calls"]?.serialized()
            == #"[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"Paris\" , \"u\":\"\\u00e9\"}"}}]"#)
        guard case .array(let calls)? = messages[1]["tool_calls"], let first = calls.first else {
            Issue.record("no tool_calls array")
            return
        }
        #expect(first["function"]?["arguments"]?.stringValue == call.arguments, "arguments are not re-serialized")
        #expect(messages[2].serialized() == #"{"role":"tool","content":"sunny","tool_call_id":"call_1"}"#)
        #expect(messages[3].serialized() == #"{"role":"assistant","content":null,"refusal":"I can't"}"#)
    }

    @Test("headers: Bearer key, profile headers replace defaults, Authorization override respected")
    func headers() {
        var request = ChatRequest(baseURL: "http://h/v1", model: "m", messages: [], headers: [HTTPHeader("accept", "application/json")],
                                  apiKey: Secret("sk-abcdefghijklmnopqrstu"))
        let wire = request.wireHeaders()
        #expect(wire.contains(HTTPHeader("Authorization", "Bearer sk-abcdefghijklmnopqrstu")))
        #expect(wire.contains(HTTPHeader("accept", "application/json")))
        #expect(!wire.contains { $0.value == "text/event-stream" })
        #expect(request.summary().headers.contains(HTTPHeader("Authorization", "[REDACTED]")))
        request.headers = [HTTPHeader("api-key", "azure-key-0123456789")]
        #expect(request.wireHeaders().contains(HTTPHeader("Authorization", "Bearer sk-abcdefghijklmnopqrstu")))
        request.headers = [HTTPHeader("Authorization", "Token xyz")]
        #expect(request.wireHeaders().filter { $0.name.lowercased() == "authorization" } == [HTTPHeader("Authorization", "Token xyz")])
    }

    @Test("absurd timeouts are clamped instead of overflowing")
    func clampedTimeouts() {
        let options = TransportOptions(connectTimeout: 1e300, idleTimeout: .infinity, maxRetries: -3, maxRetryDelay: .nan)
        #expect(options.connectTimeout == TransportOptions.longestSeconds)
        #expect(options.idleTimeout == TransportOptions.longestSeconds)
        #expect(options.maxRetries == 0)
        #expect(options.maxRetryDelay == 1)
    }

    @Test("loopback detection", arguments: [
        ("http://127.0.0.1:8080/v1", true), ("http://localhost/v1", true), ("http://[::1]:99/v1", true),
        ("http://user:pw@127.0.0.2/v1", true), ("https://api.openai.com/v1", false), ("http://10.0.0.1/v1", false),
        ("http://localhost.example.com/v1", false),
    ])
    func loopback(_ base: String, _ expected: Bool) {
        #expect(ChatRequest(baseURL: base, model: "m", messages: []).isLoopback == expected)
    }

    @Test("--param values are JSON when they parse, strings otherwise", arguments: [
        ("temperature=0.2", JSONValue.number("0.2")), ("n=2", .number("2")), ("logprobs=true", .bool(true)),
        ("stop=null", .null), ("user=alice", .string("alice")), ("user=\"42\"", .string("42")), ("empty=", .string("")),
        ("reasoning={\"effort\":\"low\"}", .object([.init("effort", .string("low"))])), ("stop=[\"a\",\"b\"]", .array([.string("a"), .string("b")])),
        ("note=a=b", .string("a=b")),
    ])
    func params(_ argument: String, _ value: JSONValue) throws {
        let member = try ParamParser.parse(argument)
        #expect(member.value == value)
        #expect(member.key == String(argument.prefix { $0 != "=" }))
    }

    @Test("bad --param arguments are explained", arguments: ["novalue", "=1", "stream=false", "x={broken"])
    func badParams(_ argument: String) {
        #expect(throws: ConfigError.self) { try ParamParser.parse(argument) }
    }

    @Test("tools files: arrays or {tools: [...]}, compacted; bad ones explained")
    func tools() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json").path
        try "{\n  \"tools\": [\n    {\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {\"type\": \"object\"}}}\n  ]\n}\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try ChatRequest.loadTools(path: good) == #"[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]"#)
        let bad = dir.appendingPathComponent("bad.json").path
        try "{\"type\": \"function\"}".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ChatRequest.loadTools(path: bad) }
        #expect(throws: ConfigError.self) { try ChatRequest.loadTools(path: dir.appendingPathComponent("missing.json").path) }
    }

    @Test("HTTP error bodies become one clear line", arguments: [
        (401, "application/json", #"{"error":{"message":"Incorrect API key provided: sk-abc***xyz.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
         "HTTP 401 Unauthorized: Incorrect API key provided: sk-abc***xyz. (type invalid_request_error, code invalid_api_key)"),
        (400, "application/json", #"{"object":"error","message":"max_tokens is too large","type":"BadRequestError","code":400}"#,
         "HTTP 400 Bad Request: max_tokens is too large (type BadRequestError)"),
        (422, "application/json", #"{"detail":[{"loc":["body","messages"],"msg":"field required"}]}"#,
         #"HTTP 422 Unprocessable Entity: [{"loc":["body","messages"],"msg":"field required"}]"#),
        (402, "application/json", #"{"error":{"message":"Provider returned error","code":402,"metadata":{"raw":"insufficient credits"}}}"#,
         "HTTP 402 Payment Required: Provider returned error — insufficient credits (code 402)"),
        (503, "text/plain", "", "HTTP 503 Service Unavailable with an empty body"),
        (502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
         "HTTP 502 Bad Gateway: the server returned an HTML page \"502 Bad Gateway\" instead of a JSON error (74 bytes)"),
        (500, "text/plain", "upstream \u{1B}[31mfailed\u{1B}[0m\n", "HTTP 500 Internal Server Error: upstream \\u{1b}[31mfailed\\u{1b}[0m"),
    ])
    func httpErrors(_ status: Int, _ contentType: String, _ body: String, _ expected: String) {
        let message = HTTPErrorDescription.message(status: status, reason: nil, contentType: contentType, body: Array(body.utf8), secrets: [])
        #expect(message == expected)
    }

    @Test("retry-after: milliseconds, seconds and HTTP dates")
    func retryAfter() {
        #expect(RetryAfter.delay(from: ResponseHead(status: 429, headers: [HTTPHeader("retry-after-ms", "1500"), HTTPHeader("retry-after", "9")])) == 1.5)
        #expect(RetryAfter.delay(from: ResponseHead(status: 429, headers: [HTTPHeader("Retry-After", "7")])) == 7)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = ResponseHead(status: 503, headers: [HTTPHeader("retry-after", "Tue, 14 Nov 2023 22:13:30 GMT")])
        #expect(RetryAfter.delay(from: date, now: now) == 10)
        #expect(RetryAfter.delay(from: ResponseHead(status: 429)) == nil)
    }
}

@Suite("Mock provider scripts")
struct MockScriptTests {
    @Test("token pieces join back to the text exactly", arguments: [MockTexts.longMarkdown, MockTexts.escapes, MockTexts.echo("héllo 世界 👩‍💻\n\n  x"), ""])
    func tokenizer(_ text: String) {
        let pieces = MockTokenizer.tokens(text)
        #expect(pieces.joined() == text)
        #expect(pieces.allSatisfy { !$0.isEmpty })
    }

    @Test("mock-long is a few thousand tokens with code, CJK and emoji")
    func longText() {
        let pieces = MockTokenizer.tokens(MockTexts.longMarkdown)
        #expect(pieces.count > 2500)
        #expect(MockTexts.longMarkdown.contains("```swift"))
        #expect(MockTexts.longMarkdown.contains("流式传输"))
        #expect(MockTexts.longMarkdown.contains("👩‍💻"))
    }

    @Test("tool-call argument fragments join to valid JSON")
    func fragments() throws {
        let arguments = #"{"location":"Tōkyō, 日本","unit":"celsius"}"#
        let pieces = MockReplyBuilder.fragments(arguments)
        #expect(pieces.count > 5)
        #expect(pieces.joined() == arguments)
        _ = try JSONParser.parse(pieces.joined())
    }

    @Test("absolute-form request targets (via a proxy) route like paths")
    func targets() {
        #expect(MockResponder.path(of: "http://h.invalid/v1/models?x=1") == "/v1/models")
        #expect(MockResponder.path(of: "/v1/chat/completions") == "/v1/chat/completions")
        #expect(MockResponder.path(of: "http://h.invalid") == "/")
    }
}
