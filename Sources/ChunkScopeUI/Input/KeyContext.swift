/// Where a binding applies.
public enum KeyContext: Sendable, Hashable, CustomStringConvertible {
    /// Everywhere (checked after the more specific contexts).
    case global
    /// When any pane other than the prompt has focus.
    case panes
    /// When one particular pane has focus.
    case pane(PaneID)
    /// When the prompt editor has focus.
    case editor

    /// The heading the help overlay shows for the context.
    public var description: String {
        switch self {
        case .global: "Global"
        case .panes: "Panes"
        case .pane(let id): id.title
        case .editor: "Prompt editor"
        }
    }
}
