// How it fits: what the app loop sees that is not a key — stream snapshots and ends, requests that
// could not be sent, tool outputs — goes through the reducer as one of these, so `DashboardState`
// has a single writer (`DashboardState.apply(_:)`).

import ChunkScopeCore

/// Something that happened outside the terminal's input.
public enum AppEvent: Sendable {
    /// A prepared stream (replay) opened for this prompt.
    case preparedStreamOpened(prompt: String, model: String)
    /// The running stream's newest snapshot.
    case snapshot(SessionSnapshot)
    /// The running stream ended; its last snapshot is final.
    case streamEnded
    /// The request could not be sent (it could not be built, or there is nobody to send to).
    case sendFailed(String)
    /// A tool call's output arrived (a file read or a command run). A failure is put in the editor
    /// for the user to see and edit before it is sent as an error result.
    case toolOutput(callID: String, content: String, isError: Bool)
    /// A one-line notice for the status line.
    case notice(String)
}
