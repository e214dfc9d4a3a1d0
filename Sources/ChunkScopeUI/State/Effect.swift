/// Work the reducer asks the app to do; the reducer itself never performs I/O.
public enum Effect: Sendable, Hashable {
    /// Start a request with this prompt (the turn is already in the conversation).
    case send(prompt: String)
    /// Stop the running stream (keep what arrived).
    case stopStream
    /// Restore the terminal and exit.
    case quit
}

