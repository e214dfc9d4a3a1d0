/// Something that happened at the terminal, decoded from curses input and signals.
public enum TerminalEvent: Sendable, Hashable {
    /// A key press.
    case key(KeyEvent)
    /// Text pasted in one piece (bracketed paste); never interpreted as keys.
    case paste(String)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)
    /// The terminal changed size; the screen has already been resized to it.
    case resize(width: Int, height: Int)
    /// The process was asked to end (SIGTERM, SIGINT, SIGHUP, SIGQUIT).
    case terminate
}

/// A mouse action at a screen position.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Action: Sendable, Hashable {
        /// The primary button went down.
        case press
        /// The secondary button went down.
        case secondaryPress
        /// The wheel turned away from the user (scroll up).
        case wheelUp
        /// The wheel turned towards the user (scroll down).
        case wheelDown
    }
    /// The action.
    public var action: Action
    /// Column, zero-based.
    public var x: Int
    /// Row, zero-based.
    public var y: Int

    /// A mouse event.
    public init(action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}
