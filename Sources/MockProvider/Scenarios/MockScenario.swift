/// The mock provider's scripted behaviours, chosen by the request's model name.
public enum MockScenario: String, CaseIterable, Sendable {
    case echo = "mock-echo"
    case tools = "mock-tools"
    case parallelTools = "mock-parallel-tools"
    case reasoning = "mock-reasoning"
    case n2 = "mock-n2"
    case refusal = "mock-refusal"
    case long = "mock-long"
    case firehose = "mock-firehose"
    case huge = "mock-huge"
    case drop = "mock-drop"
    case stall = "mock-stall"
    case unauthorized = "mock-401"
    case rateLimited = "mock-429"
    case serverError = "mock-500"
    case html = "mock-html"
    case malformed = "mock-malformed"
    case midstreamError = "mock-midstream-error"
    case noDone = "mock-no-done"
    case crlf = "mock-crlf"
    case keepalive = "mock-keepalive"
    case escapes = "mock-escapes"

    /// The scenario for a model name, or nil for an unknown model (answered with a 404).
    public init?(model: String) {
        self.init(rawValue: model)
    }

    /// One line saying what the scenario does (shown by `chunkscope mock-server` and in the docs).
    public var summary: String {
        switch self {
        case .echo: "answers the last user message (\"You said: …\") with a little markdown"
        case .tools: "calls one tool (the first offered, else get_weather) with streamed arguments; answers tool results in text"
        case .parallelTools: "calls two tools in one turn (index 0 then 1)"
        case .reasoning: "streams reasoning_content first, then the answer"
        case .n2: "honours n (default 2): choices interleaved by index"
        case .refusal: "streams a refusal instead of content"
        case .long: "a few thousand tokens of markdown with code blocks, tables, CJK and emoji"
        case .firehose: "mock_chunks one-word chunks (default 20000) as fast as the socket takes"
        case .huge: "one content chunk on a single line of mock_bytes bytes (default 10 MiB)"
        case .drop: "closes the connection after mock_chunks chunks (default 8)"
        case .stall: "sends mock_chunks chunks (default 3), then nothing for mock_stall_seconds (default 3600)"
        case .unauthorized: "HTTP 401 with OpenAI's invalid_api_key error (mock_echo_key=1 echoes the key unmasked, like a leaky proxy)"
        case .rateLimited: "HTTP 429 with retry-after: mock_retry_after (default 1) for the first mock_fail_times identical requests (default 1), then answers"
        case .serverError: "HTTP 500 with a JSON error object"
        case .html: "HTTP 502 with an nginx HTML error page"
        case .malformed: "a truncated JSON chunk after mock_chunks chunks (default 4), then carries on"
        case .midstreamError: "an error object on the 200 stream after mock_chunks chunks (default 6), no [DONE]"
        case .noDone: "a normal answer that ends without data: [DONE]"
        case .crlf: "a normal answer with CRLF line ends"
        case .keepalive: "': OPENROUTER PROCESSING' and ': keep-alive' comment lines between chunks"
        case .escapes: "content with ESC[2J, OSC 0 retitle, OSC 52 clipboard write, C1 controls and bidi overrides"
        }
    }

    /// Tokens per second used when neither the server nor the request sets a pace.
    var defaultTokensPerSecond: Double {
        switch self {
        case .firehose, .huge: 0
        case .long: 160
        default: 40
        }
    }
}
