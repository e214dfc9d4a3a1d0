// How it fits: the transcript's history. The reducer opens a turn when the user sends; the app
// closes it with the stream's final SessionSnapshot when the session ends; the transcript
// renders finished turns from here and the pending one from the live snapshot.

import ChunkScopeCore

/// The chat so far: user prompts and the assistant results they got.
public struct Conversation: Sendable {
    /// One exchange.
    public struct Turn: Sendable, Identifiable {
        /// Stable identity (render caches key on it).
        public var id: Int
        /// What the user sent.
        public var prompt: String
        /// The final snapshot of the reply's stream; nil while it is still streaming.
        public var reply: SessionSnapshot?
        /// The model the request named, for the role header.
        public var model: String?

        /// Creates a turn.
        public init(id: Int, prompt: String, reply: SessionSnapshot? = nil, model: String? = nil) {
            self.id = id
            self.prompt = prompt
            self.reply = reply
            self.model = model
        }
    }

    /// Turns in order; only the last can be pending.
    public private(set) var turns: [Turn] = []
    private var nextID = 1

    /// An empty conversation.
    public init() {}

    /// True when the last turn is waiting for its reply.
    public var hasPendingTurn: Bool { turns.last.map { $0.reply == nil } ?? false }

    /// Starts a turn for a prompt just sent; returns its id.
    @discardableResult
    public mutating func begin(prompt: String, model: String? = nil) -> Int {
        let id = nextID
        nextID += 1
        turns.append(Turn(id: id, prompt: prompt, model: model))
        return id
    }

    /// Stores the final snapshot of the pending turn's stream (finished, failed or cancelled).
    public mutating func complete(with snapshot: SessionSnapshot) {
        guard let last = turns.indices.last, turns[last].reply == nil else { return }
        turns[last].reply = snapshot
    }

    /// Adds a finished turn directly (replay, tests).
    public mutating func append(prompt: String, reply: SessionSnapshot, model: String? = nil) {
        turns.append(Turn(id: nextID, prompt: prompt, reply: reply, model: model))
        nextID += 1
    }

    /// The messages to send for the next request: an optional system message, then each turn's
    /// prompt and the assistant text of its first choice (turns without any reply text are skipped).
    public func messages(system: String? = nil) -> [ChatMessage] {
        var out: [ChatMessage] = []
        if let system, !system.isEmpty { out.append(ChatMessage(role: "system", content: system)) }
        for turn in turns {
            out.append(ChatMessage(role: "user", content: turn.prompt))
            if let reply = turn.reply, let choice = reply.choices.first, !choice.content.isEmpty {
                out.append(ChatMessage(role: "assistant", content: choice.content))
            }
        }
        return out
    }
}
