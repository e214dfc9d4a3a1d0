/// The terminal size in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size (negative values become 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// `WxH`.
    public var description: String { "\(width)x\(height)" }
}
