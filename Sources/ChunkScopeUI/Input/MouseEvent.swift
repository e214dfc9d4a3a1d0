/// A mouse event at a zero-based screen position.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        case press(button: Int)
        case release
        case wheelUp, wheelDown
    }
    /// What happened.
    public var kind: Kind
    /// Zero-based screen column.
    public var x: Int
    /// Zero-based screen row.
    public var y: Int

    /// Creates a mouse event.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
