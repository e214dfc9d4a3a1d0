// How it fits: the chat so far, as turns of attempts of exchanges. The dashboard's reducer opens
// turns and attempts and stores stream ends and tool results here; `ask` does the same headless.
// The next request's messages are derived from it (`messages(system:)`), never kept beside it.

/// The chat so far: turns in order, each answered by one or more attempts.
public struct Conversation: Sendable {
    /// Turns in order; only the last can be pending.
    public private(set) var turns: [Turn] = []
    private var nextID = 1

    /// An empty conversation.
    public init() {}

    /// True when the last turn is waiting for its reply.
    public var hasPendingTurn: Bool { turns.last?.isPending ?? false }

    /// True when the last turn failed (or was stopped) before anything arrived: it must be
    /// retried, edited or deleted before the conversation goes on.
    public var lastTurnIsUnanswered: Bool { turns.last?.attempt.isUnanswered ?? false }

    /// Starts a turn for a prompt just sent; returns its id.
    @discardableResult
    public mutating func begin(prompt: String, model: String? = nil) -> Int {
        appendTurn(prompt: prompt, attempt: Attempt(model: model))
    }

    /// Starts the follow-up turn that sends the last reply's tool results; nil (nothing changes)
    /// unless the last reply has tool calls and every one has a result.
    @discardableResult
    public mutating func beginFollowUp(model: String? = nil) -> Int? {
        guard let last = turns.last, !last.isPending, !last.attempt.toolCalls.isEmpty, pendingToolCalls.isEmpty else { return nil }
        return appendTurn(prompt: nil, attempt: Attempt(model: model))
    }

    /// Retries the last turn in place: a new pending attempt, the earlier ones kept. False while
    /// the last turn is still pending or there is none.
    @discardableResult
    public mutating func retryLast(model: String? = nil) -> Bool {
        guard let last = turns.indices.last, !turns[last].isPending else { return false }
        turns[last].addAttempt(Attempt(model: model))
        return true
    }

    /// Removes the last turn (not while it is pending) and returns it. Removing a follow-up also
    /// forgets the tool results it carried, so they are asked for again.
    @discardableResult
    public mutating func removeLast() -> Turn? {
        guard let last = turns.last, !last.isPending else { return nil }
        turns.removeLast()
        if last.prompt == nil, let previous = turns.indices.last { turns[previous].attempt.clearResults() }
        return last
    }

    /// Stores the exchange of the pending attempt (finished, failed or cancelled).
    public mutating func complete(with exchange: Exchange) {
        guard let last = turns.indices.last, turns[last].isPending else { return }
        turns[last].attempt.exchange = exchange
    }

    /// Stores the final snapshot of the pending attempt's stream.
    public mutating func complete(with snapshot: SessionSnapshot) {
        complete(with: Exchange(snapshot: snapshot))
    }

    /// Adds a finished turn directly (replay, tests).
    public mutating func append(prompt: String, reply: SessionSnapshot, model: String? = nil) {
        appendTurn(prompt: prompt, attempt: Attempt(exchange: Exchange(snapshot: reply), model: model))
    }

    /// Picks the choice of the last reply that continues (n > 1); its tool results start over.
    /// False while the reply is pending or when it has no choice with that index.
    @discardableResult
    public mutating func choose(choice index: Int) -> Bool {
        guard let last = turns.indices.last, let exchange = turns[last].attempt.exchange,
              exchange.snapshot.choices.contains(where: { $0.index == index }) else { return false }
        turns[last].attempt.choice = index
        turns[last].attempt.clearResults()
        return true
    }

    /// The tool calls of the last reply's chosen choice (empty unless that stream finished with calls).
    public var lastReplyToolCalls: [ToolCallRecord] {
        guard let last = turns.last, !last.isPending else { return [] }
        return last.attempt.toolCalls
    }

    /// The last reply's tool calls that have no result yet, in call order.
    public var pendingToolCalls: [ToolCallRecord] {
        guard let last = turns.last else { return [] }
        return lastReplyToolCalls.filter { last.attempt.result(for: $0.id) == nil }
    }

    /// Gives the result of one of the last reply's tool calls (by `tool_call_id`, replacing an
    /// earlier one); false when the last reply has no such call.
    @discardableResult
    public mutating func addToolResult(_ result: ToolResult) -> Bool {
        guard let last = turns.indices.last, !turns[last].isPending else { return false }
        return turns[last].attempt.setResult(result)
    }

    /// The messages to send for the next request: an optional system message, then for each turn
    /// its prompt, the selected attempt's assistant message (content or null, tool calls exactly
    /// as received, refusal) and a `tool` message per answered call. A turn whose selected attempt
    /// is unanswered is left out entirely, prompt included, so a failure never leaves two user
    /// messages in a row.
    public func messages(system: String? = nil) -> [ChatMessage] {
        var out: [ChatMessage] = []
        if let system, !system.isEmpty { out.append(ChatMessage(role: "system", content: system)) }
        for turn in turns where !turn.attempt.isUnanswered {
            if let prompt = turn.prompt { out.append(ChatMessage(role: "user", content: prompt)) }
            out += turn.attempt.messages()
        }
        return out
    }

    @discardableResult
    private mutating func appendTurn(prompt: String?, attempt: Attempt) -> Int {
        let id = nextID
        nextID += 1
        turns.append(Turn(id: id, prompt: prompt, attempt: attempt))
        return id
    }
}
