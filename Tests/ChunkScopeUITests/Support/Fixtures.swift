// Snapshot values built directly (no pipeline), for renderer and screen goldens.

import ChunkScopeCore
@testable import ChunkScopeUI

enum Fixtures {
    static let ms: UInt64 = 1_000_000

    /// An event log with the given rows.
    static func log(_ rows: [InspectorEvent]) -> InspectorEventLog.Slice {
        let log = InspectorEventLog()
        rows.forEach(log.append)
        return log.slice()
    }

    static func dataRow(_ n: Int, t: UInt64, gap: UInt64, summary: String, raw: String) -> InspectorEvent {
        InspectorEvent(sequence: n, time: t * ms, gap: gap * ms, size: raw.utf8.count + 8, kind: .data, summary: summary, raw: raw)
    }

    static func chunkJSON(_ delta: String, finish: String? = nil) -> String {
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"mock-echo","choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(finish.map { "\"\($0)\"" } ?? "null")}]}"#
    }

    static let request = RequestSummary(url: "http://127.0.0.1:8080/v1/chat/completions",
                                        headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", "Bearer sk-live-1234567890abcdef")],
                                        body: #"{"model":"mock-echo","stream":true}"#)
    static let response = ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream"), HTTPHeader("x-request-id", "req_123")])

    /// A finished text reply with markdown, usage and a lint finding.
    static var textReply: SessionSnapshot {
        let content = """
            ## Edinburgh weather
            It is **cold** and *windy*, with `12 °C` today. 日本語のテキストも折り返します。
            - bring a coat 🧥
            - check the forecast 👩‍💻
            ```swift
            let city = "Edinburgh"
            ```
            """
        let events = log([
            dataRow(1, t: 412, gap: 412, summary: "role assistant", raw: chunkJSON(#"{"role":"assistant","content":""}"#)),
            dataRow(2, t: 415, gap: 3, summary: ###"delta.content "## Edinburgh""###, raw: chunkJSON(###"{"content":"## Edinburgh"}"###)),
            dataRow(3, t: 418, gap: 3, summary: #"delta.content " weather\n""#, raw: chunkJSON(#"{"content":" weather\n"}"#)),
            dataRow(4, t: 530, gap: 112, summary: "finish_reason stop", raw: chunkJSON("{}", finish: "stop")),
            dataRow(5, t: 531, gap: 1, summary: "usage 151/58", raw: #"{"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":151,"completion_tokens":58,"total_tokens":209,"prompt_tokens_details":{"cached_tokens":128}}}"#),
            InspectorEvent(sequence: 5, time: 531 * ms, gap: 0, size: 0, kind: .lint, summary: "CS204 no [DONE] before the body ended", raw: "The stream ended without data: [DONE]."),
        ])
        let usage: JSONValue = .object([
            .init("prompt_tokens", .number("151")), .init("completion_tokens", .number("58")), .init("total_tokens", .number("209")),
            .init("prompt_tokens_details", .object([.init("cached_tokens", .number("128"))])),
        ])
        return SessionSnapshot(
            version: 9, state: .finished, request: request, response: response,
            choices: [ChoiceState(index: 0, role: "assistant", content: content, finishReason: "stop")],
            usage: usage,
            diagnostics: [Diagnostic(code: "CS204", severity: .warning, event: nil, message: "no [DONE]")],
            events: events,
            metrics: StreamMetrics(timeToFirstByte: 400 * ms, timeToFirstChunk: 412 * ms, timeToFirstContent: 415 * ms, elapsed: 1_290 * ms,
                                   chunkCount: 5, byteCount: 7_700, completionTokens: 58, tokensAreExact: true,
                                   tokensPerSecond: 68.2, tokensPerSecondNow: 70, rateHistory: [10, 30, 60, 80, 70, 65, 40],
                                   gapP50: 3 * ms, gapP95: 112 * ms, gapMax: 2_500 * ms))
    }

    /// A reply streaming two parallel tool calls (one complete, one assembling) with reasoning.
    static var toolsStreaming: SessionSnapshot {
        let calls = [
            ToolCallState(index: 0, id: "call_JMW1xyz0123", type: "function", name: "get_weather",
                          arguments: #"{"city": "Edinburgh", "country": "GB", "units": "c"}"#, status: .valid),
            ToolCallState(index: 1, id: "call_DNYTabc987", type: "function", name: "get_stock_price",
                          arguments: #"{"ticker": "AAPL", "exch"#, status: .assembling),
        ]
        var rows: [InspectorEvent] = [dataRow(1, t: 300, gap: 300, summary: "role assistant", raw: chunkJSON(#"{"role":"assistant"}"#))]
        for i in 2...30 {
            rows.append(dataRow(i, t: 300 + UInt64(i) * 3, gap: 3, summary: "tool_calls[\(i % 2)].arguments +\(i)B", raw: chunkJSON(#"{"tool_calls":[{"index":0,"function":{"arguments":"x"}}]}"#)))
        }
        rows.append(InspectorEvent(sequence: 30, time: 400 * ms, gap: 0, size: 0, kind: .comment, summary: ": OPENROUTER PROCESSING", raw: "OPENROUTER PROCESSING"))
        return SessionSnapshot(
            version: 31, state: .streaming, request: request, response: response,
            choices: [ChoiceState(index: 0, role: "assistant", content: "I'll look both up.", reasoning: String(repeating: "Think about the tools. ", count: 18), toolCalls: calls)],
            events: log(rows),
            metrics: StreamMetrics(timeToFirstByte: 290 * ms, timeToFirstChunk: 300 * ms, elapsed: 420 * ms, chunkCount: 31, byteCount: 4_100,
                                   completionTokens: 37, tokensPerSecond: 55, tokensPerSecondNow: 61, rateHistory: [20, 40, 61]))
    }

    /// A hostile stream: content and summaries carry terminal escapes.
    static var hostile: SessionSnapshot {
        let evil = "Hi\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZWNobyBoaQ==\u{07} there \u{202E}txt.exe\u{9B}31m"
        return SessionSnapshot(
            version: 3, state: .finished,
            choices: [ChoiceState(index: 0, content: evil, finishReason: "stop")],
            events: log([dataRow(1, t: 5, gap: 5, summary: "delta.content \"\(evil)\"", raw: chunkJSON("{\"content\":\"\(evil)\"}"))]),
            metrics: StreamMetrics(elapsed: 5 * ms, chunkCount: 1, byteCount: 120))
    }

    static let session = SessionInfo(profile: "mock (built-in)", model: "mock-echo", pricing: Prices(inputPerMillion: 2.5, outputPerMillion: 10))

    /// A state with one finished turn and a pending turn, at `size`.
    static func state(_ size: TerminalSize, focus: PaneID = .prompt) -> DashboardState {
        var state = DashboardState(size: size, session: session)
        state.conversation.append(prompt: "Weather in Edinburgh, and how do I dress?", reply: textReply, model: "mock-echo")
        state.conversation.begin(prompt: "And AAPL's price?", model: "mock-echo")
        state.focus = focus
        return state
    }
}
