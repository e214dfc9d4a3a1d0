import ChunkScopeUI

/// Turns a theme colour (already fitted to the capability by `Theme.resolved(for:)`) into the
/// colour number curses takes: -1 for the terminal default, a palette index, or in direct-colour
/// mode `r << 16 | g << 8 | b`.
struct ColorMapper: Sendable {
    /// How many colours curses reports (`COLORS`).
    let colors: Int
    /// Whether the terminal is in direct-colour mode (terminfo `RGB`, or 2^24 colours).
    let direct: Bool

    /// The capability to fit themes to: ui-pure's choice from the environment, capped by what
    /// terminfo can actually emit (COLORTERM=truecolor on a 256-colour entry stays at 256).
    static func capability(environment: [String: String], hasColors: Bool, colors: Int, direct: Bool) -> ColorCapability {
        guard hasColors else { return .monochrome }
        let chosen = ColorCapability.detect(environment: environment, terminalColors: colors)
        if chosen == .truecolor && !direct { return colors >= 256 ? .color256 : .color16 }
        if direct && chosen != .monochrome { return .truecolor }
        return chosen
    }

    /// The curses colour number for `color`.
    func cursesColor(for color: ThemeColor) -> Int32 {
        switch color {
        case .default:
            return -1
        case .ansi(let index), .indexed(let index):
            return cursesColor(forPalette: index)
        case .rgb(let r, let g, let b):
            if direct { return max(8, packed((r, g, b))) }
            return cursesColor(for: ThemeColor.rgb(r, g, b).downgraded(to: colors >= 256 ? .color256 : .color16))
        }
    }

    private func cursesColor(forPalette index: UInt8) -> Int32 {
        if index < 8 { return Int32(index) }
        // Direct-colour terminfo reads every number ≥ 8 as RGB: send the palette entry's RGB.
        if direct { return packed(ThemeColor.paletteRGB(Int(index))) }
        if index < 16 { return colors >= 16 ? Int32(index) : Int32(index - 8) }
        if colors >= 256 { return Int32(index) }
        let rgb = ThemeColor.paletteRGB(Int(index))
        return cursesColor(for: ThemeColor.rgb(rgb.0, rgb.1, rgb.2).downgraded(to: .color16))
    }

    private func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2)
    }
}
