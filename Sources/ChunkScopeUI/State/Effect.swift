import ChunkScopeCore

/// Work the reducer asks the app to do; the reducer itself never performs I/O. Each one answers,
/// if at all, with an `AppEvent` through the reducer.
public enum Effect: Sendable, Equatable {
    /// Send the next request: its messages are the conversation's (the pending turn is already in it).
    case send
    /// Stop the running stream (keep what arrived).
    case stopStream
    /// Read a file as the result of a tool call (`@path` in the prompt); answers with `.toolOutput`.
    case readToolResultFile(callID: String, path: String)
    /// Run the tool's command with the call's arguments on stdin; answers with `.toolOutput`.
    case runToolCommand(call: ToolCallRecord, command: ToolCommand)
    /// Stop the running tool command (its process group is killed; it answers as a failure).
    case cancelToolCommand
    /// Restore the terminal and exit.
    case quit
}
