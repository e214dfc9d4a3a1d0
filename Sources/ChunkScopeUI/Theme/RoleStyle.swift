/// The look of one style role.
public struct RoleStyle: Sendable, Hashable {
    /// Text colour.
    public var foreground: ThemeColor
    /// Background colour.
    public var background: ThemeColor
    /// Attributes added to the cell's own.
    public var attributes: CellAttributes

    /// Creates a role style.
    public init(foreground: ThemeColor = .default, background: ThemeColor = .default, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
