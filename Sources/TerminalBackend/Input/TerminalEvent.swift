import ChunkScopeUI

/// Something that happened at the terminal: input for the reducer, or a request to end.
public enum TerminalEvent: Sendable, Hashable {
    /// A key, paste, mouse action or resize, as the UI's reducer takes it.
    case input(KeyEvent)
    /// The process was asked to end (SIGTERM, SIGINT, SIGHUP, SIGQUIT).
    case terminate
}
