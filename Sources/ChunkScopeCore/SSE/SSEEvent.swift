/// One event out of the SSE decoder (bytes → events), per the WHATWG EventSource parsing rules.
public enum SSEEvent: Sendable, Equatable {
    /// A dispatched message: its `data:` lines joined with "\n".
    case message(SSEMessage)
    /// A comment line (`: keep-alive`, `: OPENROUTER PROCESSING`): the text after the colon,
    /// with one leading space removed.
    case comment(String)
    /// A `retry:` field whose value is all ASCII digits.
    case retry(Int)
    /// A line longer than the decoder's bound; its bytes were discarded, not buffered.
    case lineTooLong(byteCount: Int)
}

/// A dispatched SSE message.
public struct SSEMessage: Sendable, Equatable {
    /// The `event:` field, nil when absent (meaning "message").
    public var event: String?
    /// The `data:` lines joined with "\n" (invalid UTF-8 replaced by U+FFFD).
    public var data: String
    /// The last `id:` seen, nil when none was.
    public var id: String?
    /// True when any byte of the lines making this message was not valid UTF-8.
    public var hadInvalidUTF8: Bool
    /// Raw bytes of the lines that made this message, line ends included.
    public var byteCount: Int

    /// A message with the given fields.
    public init(event: String? = nil, data: String, id: String? = nil, hadInvalidUTF8: Bool = false, byteCount: Int = 0) {
        self.event = event
        self.data = data
        self.id = id
        self.hadInvalidUTF8 = hadInvalidUTF8
        self.byteCount = byteCount
    }
}
