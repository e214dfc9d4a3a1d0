/// Something the user asked for, independent of the key that asked. The Keymap maps chords to
/// actions; DashboardState.apply performs them.
public enum UIAction: String, Sendable, Hashable, CaseIterable {
    // Global
    case quit, interrupt, stopStream, send, toggleHelp, focusNext, focusPrevious, toggleZoom, focusPrompt
    // Scrolling (focused pane)
    case scrollUp, scrollDown, pageUp, pageDown, scrollTop, scrollBottom
    // Transcript
    case toggleReasoning
    // Conversation: a failed turn, tool results, the continuing choice
    case retryTurn, editTurn, deleteTurn, runToolCommand, nextChoice
    // Inspector
    case toggleExpand, cycleFilter, startSearch, nextMatch, previousMatch, nextLint, toggleHeaders
    // Editor
    case insertNewline, cursorLeft, cursorRight, cursorUp, cursorDown, cursorLineStart, cursorLineEnd
    case deleteBackward, deleteForward, deleteToLineStart, deleteToLineEnd, deleteWordBackward
    case historyPrevious, historyNext
}
