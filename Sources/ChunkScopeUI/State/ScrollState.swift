/// Scroll position of a pane: the top row, or following the end.
public struct ScrollState: Sendable, Hashable {
    /// Index of the first content row shown (ignored while following).
    public var offset: Int
    /// When true the pane shows the end of its content and keeps up with new rows.
    public var follow: Bool

    /// Creates a scroll state.
    public init(offset: Int = 0, follow: Bool = true) {
        self.offset = offset
        self.follow = follow
    }
}
