// PartialJSON — how it fits: tool-call arguments arrive as string fragments. `PartialJSONParser`
// consumes each fragment once (O(new bytes)) and can describe, at any moment, the best-effort
// tree so far (`PartialJSONTree`) for the live tool-call pane; at finish it decides valid / invalid
// (with the byte offset), which becomes `ToolCallState.status`.

/// The best-effort shape of a JSON text that may still be growing.
public struct PartialJSONTree: Sendable, Equatable {
    /// Where the text stands.
    public enum Status: Sendable, Equatable {
        /// Nothing but whitespace so far.
        case empty
        /// A value has started and is not closed yet.
        case incomplete
        /// One whole JSON value (more text could still make it invalid until finish).
        case complete
        /// Not JSON: the byte offset of the first offending byte (the text length for a premature end).
        case invalid(byteOffset: Int, message: String)
    }

    /// The value so far; nil while nothing but whitespace has arrived.
    public var root: PartialJSONNode?
    /// Where the text stands.
    public var status: Status
    /// UTF-8 bytes consumed so far.
    public var byteCount: Int

    /// Creates a tree (normally made by `PartialJSONParser.tree()`).
    public init(root: PartialJSONNode? = nil, status: Status = .empty, byteCount: Int = 0) {
        self.root = root
        self.status = status
        self.byteCount = byteCount
    }
}

/// One node of a partial JSON tree. Open containers and unfinished scalars say so.
public indirect enum PartialJSONNode: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number's text; `complete` is false while more digits could follow.
    case number(String, complete: Bool)
    /// A string's decoded text; `complete` is false before its closing quote.
    case string(String, complete: Bool)
    /// The beginning of `true`, `false` or `null` (e.g. `tr`).
    case partialLiteral(String)
    /// Elements so far; `closed` once `]` arrived.
    case array([PartialJSONNode], closed: Bool)
    /// Members so far; `closed` once `}` arrived.
    case object([PartialJSONMember], closed: Bool)
}

/// One member of a partial object: a key (possibly still arriving) and its value, if begun.
public struct PartialJSONMember: Sendable, Equatable {
    /// The decoded key text so far.
    public var key: String
    /// False while the key's closing quote has not arrived.
    public var keyComplete: Bool
    /// The value; nil while the key is pending (no value byte yet).
    public var value: PartialJSONNode?

    /// Creates a member.
    public init(key: String, keyComplete: Bool = true, value: PartialJSONNode?) {
        self.key = key
        self.keyComplete = keyComplete
        self.value = value
    }
}
