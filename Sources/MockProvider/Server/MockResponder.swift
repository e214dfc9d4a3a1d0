import Foundation
import NIOHTTP1

/// Routes a request to its response: `GET /v1/models`, `POST /v1/chat/completions`, 404 otherwise.
struct MockResponder: Sendable {
    var pacing: MockPacing
    var ledger: RetryLedger

    /// The response for one complete request.
    func respond(to head: HTTPRequestHead, body: [UInt8]) -> MockResponse {
        let path = Self.path(of: head.uri)
        switch (head.method, path) {
        case (.GET, "/v1/models"), (.GET, "/models"):
            return models()
        case (.POST, "/v1/chat/completions"), (.POST, "/chat/completions"):
            return chat(head: head, body: body)
        case (_, "/v1/chat/completions"), (_, "/chat/completions"), (_, "/v1/models"), (_, "/models"):
            return .error(.methodNotAllowed, message: "Method \(head.method.rawValue) is not allowed on \(path).",
                          type: "invalid_request_error", code: "method_not_allowed")
        default:
            return .error(.notFound, message: "Invalid URL (\(head.method.rawValue) \(path)). The mock serves POST /v1/chat/completions and GET /v1/models.",
                          type: "invalid_request_error", code: "unknown_url")
        }
    }

    /// The path of a request target, also for the absolute form a client sends to a proxy
    /// (`http://host/v1/models`), so the mock can stand in for an HTTP proxy in tests.
    static func path(of target: String) -> String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return String(rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? rest)
    }

    private func models() -> MockResponse {
        let created = 1_700_000_000
        let data = MockScenario.allCases.map { scenario in
            MockJSON.object([("id", MockJSON.string(scenario.rawValue)), ("object", "\"model\""), ("created", String(created)),
                             ("owned_by", "\"chunkscope\"")])
        }
        let body = MockJSON.object([("object", "\"list\""), ("data", "[" + data.joined(separator: ",") + "]")])
        return .complete(status: .ok, headers: [("content-type", "application/json")], body: body + "\n")
    }

    private func chat(head: HTTPRequestHead, body: [UInt8]) -> MockResponse {
        let request: MockRequest
        do {
            request = try MockRequest(body: body, headers: head.headers.map { ($0.name, $0.value) })
        } catch {
            return .error(.badRequest, message: error.message, type: "invalid_request_error", code: nil, param: error.param)
        }
        guard let scenario = MockScenario(model: request.model) else {
            let names = MockScenario.allCases.map(\.rawValue).joined(separator: ", ")
            return .error(.notFound, message: "The model `\(request.model)` does not exist. The mock provider knows: \(names).",
                          type: "invalid_request_error", code: "model_not_found", param: "model")
        }
        if let failure = failure(for: scenario, request: request, head: head, body: body) { return failure }

        let identity = MockStreamIdentity.random(model: request.model, now: Int(Date().timeIntervalSince1970))
        let reply = MockReplyBuilder(scenario: scenario, request: request, makeCallID: MockStreamIdentity.randomCallID).build()
        let headers = Self.providerHeaders(processingMs: Int.random(in: 40...180))
        guard request.stream else {
            switch scenario {
            case .drop: return .hangUp
            case .stall: return .silence(seconds: request.knobs["stall_seconds"] ?? 3600)
            default:
                return .complete(status: .ok, headers: [("content-type", "application/json")] + headers,
                                 body: CompletionRenderer.body(for: reply, identity: identity) + "\n")
            }
        }
        let renderer = StreamFrameRenderer(identity: identity, includeUsage: request.includeUsage, scenario: scenario, request: request)
        let rate = request.knobs["tps"] ?? pacing.tokensPerSecond ?? scenario.defaultTokensPerSecond
        return .stream(headers: [("content-type", "text/event-stream; charset=utf-8"), ("cache-control", "no-cache")] + headers,
                       frames: renderer.frames(for: reply), lineEnd: scenario == .crlf ? "\r\n" : "\n", tokensPerSecond: rate)
    }

    /// The HTTP-level failure a fault scenario answers with, or nil.
    private func failure(for scenario: MockScenario, request: MockRequest, head: HTTPRequestHead, body: [UInt8]) -> MockResponse? {
        switch scenario {
        case .unauthorized:
            let auth = head.headers.first(name: "authorization") ?? ""
            let key = auth.hasPrefix("Bearer ") ? String(auth.dropFirst(7)) : ""
            // mock_echo_key=1 echoes the key unmasked, as some badly behaved proxies do (redaction tests).
            let masked = key.count > 8 ? String(key.prefix(3)) + String(repeating: "*", count: 12) + String(key.suffix(4)) : "(none)"
            let shown = request.knobs["echo_key"] == 1 && !key.isEmpty ? key : masked
            return .error(.unauthorized, message: "Incorrect API key provided: \(shown). You can find your API key at https://platform.openai.com/account/api-keys.",
                          type: "invalid_request_error", code: "invalid_api_key",
                          headers: [("www-authenticate", "Bearer realm=\"OpenAI API\"")] + Self.providerHeaders(processingMs: 3))
        case .rateLimited:
            let failTimes = request.count("fail_times", default: 1)
            guard ledger.record(String(decoding: body, as: UTF8.self)) < failTimes else { return nil }
            let after = request.knobs["retry_after"] ?? 1
            let afterText = after.rounded() == after ? String(Int(after)) : String(after)
            return .error(.tooManyRequests, message: "Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in \(afterText)s. (mock-429)",
                          type: "requests", code: "rate_limit_exceeded",
                          headers: [("retry-after", afterText), ("retry-after-ms", String(Int(after * 1000))),
                                    ("x-ratelimit-limit-requests", "3"), ("x-ratelimit-remaining-requests", "0"),
                                    ("x-ratelimit-reset-requests", "\(afterText)s")])
        case .serverError:
            return .error(.internalServerError, message: "The server had an error while processing your request. Sorry about that! (mock-500)",
                          type: "server_error", code: nil, headers: Self.providerHeaders(processingMs: 812))
        case .html:
            let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return .complete(status: .badGateway, headers: [("content-type", "text/html"), ("server", "nginx")], body: page)
        default:
            return nil
        }
    }

    /// Headers like OpenAI's: request id, processing time, rate-limit state.
    static func providerHeaders(processingMs: Int) -> [(String, String)] {
        [
            ("x-request-id", "req_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()),
            ("openai-processing-ms", String(processingMs)), ("openai-version", "2020-10-01"),
            ("x-ratelimit-limit-requests", "10000"), ("x-ratelimit-remaining-requests", "9999"),
            ("x-ratelimit-limit-tokens", "30000000"), ("x-ratelimit-remaining-tokens", "29999000"),
            ("x-ratelimit-reset-requests", "6ms"), ("x-ratelimit-reset-tokens", "2ms"),
        ]
    }
}
