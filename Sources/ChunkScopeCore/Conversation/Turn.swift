// How it fits: a turn is what the user (or a tool round) asked once; its attempts are the
// exchanges that answered it (a retry or regenerate adds one, the earlier ones are kept).

/// A tool call's answer, sent as a `tool` message.
public struct ToolResult: Sendable, Equatable {
    /// The call answered (`tool_call_id`).
    public var toolCallID: String
    /// The text sent as the message's content.
    public var content: String
    /// True when the result reports a failure (a command's non-zero exit, a timeout, an unreadable file).
    public var isError: Bool

    /// A result for the call `toolCallID`.
    public init(toolCallID: String, content: String, isError: Bool = false) {
        self.toolCallID = toolCallID
        self.content = content
        self.isError = isError
    }
}

/// One try at answering a turn: the exchange once it ended, the choice that continues, and the
/// results given for that choice's tool calls.
public struct Attempt: Sendable {
    /// The finished exchange; nil while the request is in flight.
    public var exchange: Exchange?
    /// The `index` of the choice that continues the conversation (with n > 1), 0 by default.
    public var choice: Int
    /// The model the request named.
    public var model: String?
    /// Results for the chosen choice's tool calls, in the order they were given.
    public private(set) var toolResults: [ToolResult]

    /// An attempt; pending when `exchange` is nil.
    public init(exchange: Exchange? = nil, choice: Int = 0, model: String? = nil, toolResults: [ToolResult] = []) {
        self.exchange = exchange
        self.choice = choice
        self.model = model
        self.toolResults = toolResults
    }

    /// True while the request is in flight.
    public var isPending: Bool { exchange == nil }

    /// The choice that continues, once the exchange ended.
    public var reply: ChoiceState? { exchange?.choice(choice) }

    /// True when the stream failed or was cancelled before any text or refusal arrived: there is
    /// nothing to build on, so the attempt is left out of the next request until it is retried.
    public var isUnanswered: Bool {
        guard let exchange else { return false }
        switch exchange.snapshot.state {
        case .failed, .cancelled:
            guard let reply else { return true }
            return reply.content.isEmpty && !reply.hasRefusal
        case .idle, .connecting, .streaming, .finished:
            return false
        }
    }

    /// The chosen choice's tool calls, when the stream finished (calls of a stream that broke
    /// off are incomplete and never answered).
    public var toolCalls: [ToolCallRecord] {
        guard let exchange, exchange.snapshot.state == .finished, let reply else { return [] }
        return reply.toolCalls.map(ToolCallRecord.init)
    }

    /// The result given for the call `id`, if any.
    public func result(for id: String) -> ToolResult? {
        toolResults.first { $0.toolCallID == id }
    }

    /// Stores a result for one of `toolCalls` (replacing an earlier one); false when no call has that id.
    mutating func setResult(_ result: ToolResult) -> Bool {
        guard toolCalls.contains(where: { $0.id == result.toolCallID }) else { return false }
        toolResults.removeAll { $0.toolCallID == result.toolCallID }
        toolResults.append(result)
        return true
    }

    /// Forgets every tool result (they are asked for again).
    mutating func clearResults() {
        toolResults = []
    }

    /// The assistant message this attempt contributes, then one `tool` message per answered
    /// call in call order; empty while pending or unanswered.
    func messages() -> [ChatMessage] {
        guard !isPending, !isUnanswered, let reply else { return [] }
        let calls = toolCalls
        // JSON null only where the API allows it (tool calls or a refusal carry the message).
        let content: String? = reply.hasContent || !reply.content.isEmpty ? reply.content
            : (calls.isEmpty && !reply.hasRefusal ? "" : nil)
        var out = [ChatMessage(role: "assistant", content: content, toolCalls: calls,
                               refusal: reply.hasRefusal ? reply.refusal : nil)]
        for call in calls {
            if let result = result(for: call.id) {
                out.append(ChatMessage(role: "tool", content: result.content, toolCallID: call.id))
            }
        }
        return out
    }
}

/// One step of the conversation: a user prompt, or a follow-up carrying the previous turn's tool
/// results, and the attempts that answered it.
public struct Turn: Sendable, Identifiable {
    /// Stable identity (render caches key on it).
    public var id: Int
    /// What the user sent; nil for a follow-up after tool results.
    public var prompt: String?
    /// Every attempt, oldest first; never empty.
    public private(set) var attempts: [Attempt]
    /// The position in `attempts` of the attempt that continues (the newest by default).
    public private(set) var selected: Int

    /// A turn with one attempt.
    public init(id: Int, prompt: String?, attempt: Attempt) {
        self.id = id
        self.prompt = prompt
        self.attempts = [attempt]
        self.selected = 0
    }

    /// The attempt that continues.
    public var attempt: Attempt {
        get { attempts[selected] }
        set { attempts[selected] = newValue }
    }

    /// The final snapshot of the selected attempt; nil while it is still streaming.
    public var reply: SessionSnapshot? { attempt.exchange?.snapshot }

    /// The model the selected attempt's request named, for the role header.
    public var model: String? { attempt.model }

    /// True while the selected attempt is in flight.
    public var isPending: Bool { attempt.isPending }

    /// Adds a new attempt and selects it.
    mutating func addAttempt(_ attempt: Attempt) {
        attempts.append(attempt)
        selected = attempts.count - 1
    }
}
