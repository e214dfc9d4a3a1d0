// How it fits: renderers only name StyleRoles; a Theme maps each role to colours and attributes.
// The backend resolves a theme for the terminal's ColorCapability once and turns role styles
// into colour pairs. Themes are text files (see ThemeParser and README.md, "Themes"); the three
// shipped ones are also compiled in (BuiltInThemes) so the binary works from any directory.

/// A named mapping from every style role to a RoleStyle.
public struct Theme: Sendable, Hashable {
    /// The theme's name.
    public var name: String
    /// Styles by role; a role missing here draws as `text`.
    public var styles: [StyleRole: RoleStyle]

    /// Creates a theme.
    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a role (falls back to `text`, then to the terminal default).
    public func style(for role: StyleRole) -> RoleStyle {
        styles[role] ?? styles[.text] ?? RoleStyle()
    }

    /// The theme with every colour converted for `capability` (nearest 256 / 16 colour); for
    /// `.monochrome` the attributes-only theme.
    public func resolved(for capability: ColorCapability) -> Theme {
        if capability == .monochrome { return monochrome() }
        var out = self
        for (role, style) in styles {
            out.styles[role] = RoleStyle(foreground: style.foreground.downgraded(to: capability),
                                         background: style.background.downgraded(to: capability),
                                         attributes: style.attributes)
        }
        return out
    }

    /// The `NO_COLOR` form of this theme: no colours, roles told apart by attributes only.
    public func monochrome() -> Theme {
        var out = Theme(name: name + " (monochrome)", styles: [:])
        for role in StyleRole.allCases {
            var attributes = style(for: role).attributes.subtracting(.reverse)
            attributes.formUnion(Theme.monochromeAttributes[role] ?? [])
            out.styles[role] = RoleStyle(attributes: attributes)
        }
        return out
    }

    /// Attributes that keep roles distinguishable without colour.
    static let monochromeAttributes: [StyleRole: CellAttributes] = [
        .title: [.bold], .borderFocused: [.bold], .border: [.dim], .dim: [.dim], .reasoning: [.dim, .italic],
        .status: [.reverse], .statusKey: [.reverse, .bold], .statusGood: [.reverse, .bold], .statusWarning: [.reverse, .bold], .statusError: [.reverse, .bold], .user: [.bold], .assistant: [.bold],
        .heading: [.bold, .underline], .code: [.underline], .link: [.underline], .refusal: [.bold, .italic],
        .error: [.bold, .reverse], .warning: [.bold], .selection: [.reverse], .escape: [.reverse],
        .jsonKey: [.bold], .accent: [.bold],
    ]

    /// The default theme (dark).
    public static var dark: Theme { BuiltInThemes.theme(named: "dark")! }
}
