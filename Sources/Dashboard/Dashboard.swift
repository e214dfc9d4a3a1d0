// Dashboard — how it fits: the app loop on the main actor. Input → actions → UI state; the
// session actor's snapshots → pane renderers → grid → TerminalBackend.
