/// The regions of the screen that `Layout` places.
public enum PaneID: String, Sendable, Hashable, CaseIterable {
    case transcript, toolCalls, chunks, usage, prompt, status
    /// The key-help overlay (drawn over the panes).
    case help
    /// The one-row pane switcher shown in the compact layout instead of the side panes.
    case tabs
    /// The whole-screen "terminal too small" message.
    case tooSmall

    /// The panes Tab cycles through, in order.
    public static let focusOrder: [PaneID] = [.transcript, .toolCalls, .chunks, .usage, .prompt]

    /// The title drawn on the pane's border.
    public var title: String {
        switch self {
        case .transcript: "Transcript"
        case .toolCalls: "Tool calls"
        case .chunks: "Chunks"
        case .usage: "Usage"
        case .prompt: "Prompt"
        case .status: "Status"
        case .help: "Keys"
        case .tabs: "Tabs"
        case .tooSmall: "Too small"
        }
    }
}

