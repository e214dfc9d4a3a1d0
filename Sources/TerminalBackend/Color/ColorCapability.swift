/// How many colours the terminal can show, decided once when the screen opens.
public enum ColorCapability: Sendable, Hashable, Comparable {
    /// No colour at all (`NO_COLOR`, or a monochrome terminal): attributes only.
    case none
    /// The 8 basic ANSI colours.
    case ansi8
    /// The 16 ANSI colours (8 plus bright).
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256
    /// 24-bit direct colour.
    case direct

    /// Decides the capability from the environment and what terminfo reports.
    /// - Parameters:
    ///   - environment: the process environment (`NO_COLOR`, `COLORTERM`).
    ///   - hasColors: curses' `has_colors()`.
    ///   - colors: curses' `COLORS` after `start_color()`.
    ///   - directColorFlag: whether terminfo has the `RGB` flag (direct colour).
    public static func detect(environment: [String: String], hasColors: Bool, colors: Int,
                              directColorFlag: Bool) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        if directColorFlag || colors >= 1 << 24 { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }

    /// Whether the environment says the terminal emulator understands 24-bit colour
    /// (`COLORTERM=truecolor` or `24bit`), whatever the terminfo entry claims.
    public static func environmentWantsTruecolor(_ environment: [String: String]) -> Bool {
        guard let value = environment["COLORTERM"]?.lowercased() else { return false }
        return value == "truecolor" || value == "24bit"
    }
}
