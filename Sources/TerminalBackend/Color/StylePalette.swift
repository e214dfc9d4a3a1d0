import ChunkScopeUI

/// How one style role looks: colours plus attributes, as a theme defines it.
public struct RoleStyle: Sendable, Hashable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Cell background colour.
    public var background: TerminalColor
    /// Attributes every cell of this role gets (on top of the cell's own).
    public var attributes: CellAttributes

    /// A role style; defaults to the terminal's own colours and no attributes.
    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// The look of every style role: what the backend turns into curses colour pairs.
public struct StylePalette: Sendable, Hashable {
    /// Styles by role; a role that is missing draws in the terminal's default colours.
    public var styles: [StyleRole: RoleStyle]

    /// A palette from explicit role styles.
    public init(styles: [StyleRole: RoleStyle]) {
        self.styles = styles
    }

    /// The style of `role` (default colours when the palette does not name it).
    public func style(for role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle()
    }

    /// Attributes that keep roles apart when there is no colour (NO_COLOR, monochrome terminals):
    /// what colour would have told, shown with bold, dim, underline and reverse instead.
    public static func monochromeAttributes(for role: StyleRole) -> CellAttributes {
        switch role {
        case .text, .border, .jsonPunctuation, .jsonString, .jsonNumber, .jsonLiteral, .sparkline, .assistant:
            return []
        case .dim, .reasoning:
            return .dim
        case .accent, .title, .borderFocused, .heading, .user, .jsonKey, .statusKey, .good:
            return .bold
        case .status, .selection, .codeBlock:
            return .reverse
        case .code, .link:
            return .underline
        case .warning, .refusal:
            return [.bold, .underline]
        case .error, .escape:
            return [.bold, .reverse]
        }
    }
}
