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
