import Foundation

/// What the mock needs from a chat-completions request body and headers.
struct MockRequest: Sendable {
    /// One message's role and plain text (array content parts are joined), with the tool calls of
    /// an assistant message and the `tool_call_id` of a tool message.
    struct Message: Sendable {
        var role: String
        var text: String
        var toolCalls: [(id: String, name: String)] = []
        var toolCallID: String?
    }

    /// One tool the client offered: its name and top-level parameter names with JSON types.
    struct Tool: Sendable {
        var name: String
        var parameters: [(name: String, type: String)]
    }

    var model: String
    var messages: [Message]
    var stream: Bool
    var includeUsage: Bool
    var n: Int?
    var tools: [Tool]
    /// Mock knobs: body fields `mock_*` or headers `X-Mock-*` (e.g. `mock_chunks`, `mock_tps`).
    var knobs: [String: Double]

    /// Parses a request body; throws a message suitable for a 400 error.
    init(body: [UInt8], headers: [(String, String)]) throws(MockRequestError) {
        guard !body.isEmpty else { throw MockRequestError("The request body is empty; expected a JSON object.") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body))
        } catch {
            throw MockRequestError("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)")
        }
        guard let object = parsed as? [String: Any] else { throw MockRequestError("The request body must be a JSON object.") }
        guard let model = object["model"] as? String, !model.isEmpty else {
            throw MockRequestError("you must provide a model parameter", param: "model")
        }
        guard let rawMessages = object["messages"] as? [[String: Any]], !rawMessages.isEmpty else {
            throw MockRequestError("'messages' must be a non-empty array", param: "messages")
        }
        self.model = model
        self.messages = rawMessages.map(Self.message)
        try Self.checkToolHistory(messages)
        self.stream = object["stream"] as? Bool ?? false
        self.includeUsage = ((object["stream_options"] as? [String: Any])?["include_usage"] as? Bool) ?? false
        self.n = (object["n"] as? NSNumber)?.intValue
        if let n, !(1...8).contains(n) { throw MockRequestError("n must be between 1 and 8 for the mock provider", param: "n") }
        self.tools = (object["tools"] as? [[String: Any]] ?? []).compactMap { tool in
            guard let function = tool["function"] as? [String: Any], let name = function["name"] as? String else { return nil }
            let properties = ((function["parameters"] as? [String: Any])?["properties"] as? [String: Any]) ?? [:]
            let parameters = properties.keys.sorted().map { key in
                (name: key, type: ((properties[key] as? [String: Any])?["type"] as? String) ?? "string")
            }
            return Tool(name: name, parameters: parameters)
        }
        var knobs: [String: Double] = [:]
        for (key, value) in object where key.hasPrefix("mock_") {
            if let number = value as? NSNumber { knobs[String(key.dropFirst(5))] = number.doubleValue }
            if let text = value as? String, let number = Double(text) { knobs[String(key.dropFirst(5))] = number }
        }
        for (name, value) in headers where name.lowercased().hasPrefix("x-mock-") {
            let key = name.lowercased().dropFirst(7).replacingOccurrences(of: "-", with: "_")
            if let number = Double(value.trimmingCharacters(in: .whitespaces)) { knobs[key] = number }
        }
        self.knobs = knobs.compactMapValues { $0.isFinite && $0 >= 0 ? $0 : nil }
        for (name, limit) in Self.knobLimits { if let value = self.knobs[name] { self.knobs[name] = min(value, limit) } }
    }

    private static func message(_ raw: [String: Any]) -> Message {
        let role = raw["role"] as? String ?? "user"
        var text = ""
        if let content = raw["content"] as? String {
            text = content
        } else if let parts = raw["content"] as? [[String: Any]] {
            text = parts.compactMap { $0["text"] as? String }.joined(separator: "\n")
        }
        let calls = (raw["tool_calls"] as? [[String: Any]] ?? []).map { call in
            (id: call["id"] as? String ?? "", name: (call["function"] as? [String: Any])?["name"] as? String ?? "")
        }
        return Message(role: role, text: text, toolCalls: calls, toolCallID: raw["tool_call_id"] as? String)
    }

    /// Rejects a history the Chat Completions API rejects, with its wording: every assistant
    /// `tool_calls` message must be followed by one tool message per call id, and a tool message
    /// must answer a call of the assistant message before its run of tool messages.
    static func checkToolHistory(_ messages: [Message]) throws(MockRequestError) {
        var open: (index: Int, ids: [String])?
        func unanswered(_ pending: (index: Int, ids: [String])) -> MockRequestError {
            MockRequestError("An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: \(pending.ids.joined(separator: ", "))",
                             param: "messages.[\(pending.index)].role")
        }
        for (index, message) in messages.enumerated() {
            if message.role == "tool" {
                guard let pending = open, let id = message.toolCallID, pending.ids.contains(id) else {
                    throw MockRequestError("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
                                           param: "messages.[\(index)].role")
                }
                let remaining = pending.ids.filter { $0 != id }
                open = remaining.isEmpty ? nil : (pending.index, remaining)
                continue
            }
            if let pending = open { throw unanswered(pending) }
            if message.role == "assistant", !message.toolCalls.isEmpty { open = (index, message.toolCalls.map(\.id)) }
        }
        if let pending = open { throw unanswered(pending) }
    }

    /// The trailing tool messages, each with the name of the function whose call it answers (empty
    /// when the last message is not a tool result).
    var trailingToolResults: [(name: String, result: String)] {
        let count = messages.reversed().prefix { $0.role == "tool" }.count
        // `checkToolHistory` guarantees the message before the run is the assistant's tool_calls message.
        guard count > 0, messages.count > count else { return [] }
        let calls = messages[messages.count - count - 1].toolCalls
        return messages.suffix(count).map { message in
            (name: calls.first(where: { $0.id == message.toolCallID })?.name ?? "the tool", result: message.text)
        }
    }

    /// Upper bounds for the knobs, so no request can make the mock exhaust memory or overflow.
    static let knobLimits: [String: Double] = [
        "chunks": 5_000_000, "bytes": Double(256 << 20), "tps": 1_000_000, "retry_after": 3600,
        "fail_times": 1_000_000, "stall_seconds": 86_400, "echo_key": 1,
    ]

    /// The text of the last user message (or of the last message when there is no user message).
    var lastUserText: String {
        (messages.last(where: { $0.role == "user" }) ?? messages.last)?.text ?? ""
    }

    /// A knob as a positive integer, or `fallback`.
    func count(_ name: String, default fallback: Int) -> Int {
        guard let value = knobs[name] else { return fallback }
        return Int(value)
    }
}

/// A request the mock rejects with HTTP 400, in OpenAI's error shape.
struct MockRequestError: Error, Sendable {
    var message: String
    var param: String?
    init(_ message: String, param: String? = nil) {
        self.message = message
        self.param = param
    }
}
