/// How many colours the terminal can show.
public enum ColorCapability: String, Sendable, Hashable, CaseIterable {
    case truecolor, color256, color16, monochrome

    /// Chooses from the environment: `NO_COLOR` (non-empty) → monochrome; `COLORTERM` truecolor/24bit →
    /// truecolor; `TERM` with `256color` → 256; `dumb` → monochrome; otherwise 16. When the terminal
    /// reports its colour count (ncurses `COLORS`), it caps the result.
    public static func detect(environment: [String: String], terminalColors: Int? = nil) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let term = (environment["TERM"] ?? "").lowercased()
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        var chosen: ColorCapability
        if term == "dumb" || term.isEmpty && colorterm.isEmpty {
            chosen = term == "dumb" ? .monochrome : .color16
        } else if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") {
            chosen = .truecolor
        } else if term.contains("256color") {
            chosen = .color256
        } else {
            chosen = .color16
        }
        if let colors = terminalColors {
            if colors < 8 { chosen = .monochrome }
            else if colors < 256, chosen == .truecolor || chosen == .color256 { chosen = .color16 }
        }
        return chosen
    }
}
