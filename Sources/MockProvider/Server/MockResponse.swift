import NIOHTTP1

/// What the mock sends back for one request.
enum MockResponse: Sendable {
    /// A whole response with a body (JSON, HTML or empty).
    case complete(status: HTTPResponseStatus, headers: [(String, String)], body: String)
    /// A `text/event-stream` response written frame by frame.
    case stream(headers: [(String, String)], frames: [MockFrame], lineEnd: String, tokensPerSecond: Double)
    /// Close the connection without answering.
    case hangUp
    /// Send nothing for this many seconds (or until the client leaves), then close.
    case silence(seconds: Double)

    /// An OpenAI-shaped JSON error response.
    static func error(_ status: HTTPResponseStatus, message: String, type: String, code: String?, param: String? = nil,
                      headers: [(String, String)] = []) -> MockResponse {
        let body = MockJSON.object([("error", MockJSON.object([
            ("message", MockJSON.string(message)), ("type", MockJSON.string(type)), ("param", MockJSON.optional(param)),
            ("code", MockJSON.optional(code)),
        ]))])
        return .complete(status: status, headers: [("content-type", "application/json")] + headers, body: body + "\n")
    }
}
