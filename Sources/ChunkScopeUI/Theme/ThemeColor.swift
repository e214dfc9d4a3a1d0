// How it fits: themes name colours in three depths; the backend asks for a theme resolved to the
// terminal's ColorCapability, and ThemeColor knows how to fall back (truecolor → nearest 256 →
// nearest 16) so every theme works everywhere.

/// A colour as a theme names it.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's own default foreground or background.
    case `default`
    /// One of the 16 ANSI colours, 0–15 (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An xterm 256-colour palette index.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The names of the 16 ANSI colours as the theme format spells them.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright-black", "bright-red", "bright-green", "bright-yellow",
                                   "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// The theme-file spelling of the colour.
    public var description: String {
        switch self {
        case .default: "default"
        case .ansi(let i): ThemeColor.ansiNames[Int(i) & 15]
        case .indexed(let i): String(i)
        case .rgb(let r, let g, let b): "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// Parses `default`, an ANSI name, a palette index `0`–`255`, or `#rrggbb`.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" || t == "none" {
            self = .default
        } else if let i = ThemeColor.ansiNames.firstIndex(of: t) {
            self = .ansi(UInt8(i))
        } else if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        } else if let i = Int(t), (0...255).contains(i) {
            self = .indexed(UInt8(i))
        } else {
            return nil
        }
    }

    /// The colour's RGB value (xterm's palette for ANSI and indexed colours); nil for `.default`.
    public var rgbValue: (UInt8, UInt8, UInt8)? {
        switch self {
        case .default: return nil
        case .ansi(let i): return ThemeColor.paletteRGB(Int(i & 15))
        case .indexed(let i): return ThemeColor.paletteRGB(Int(i))
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    /// The same colour expressed for a terminal with `capability` (nearest match).
    public func downgraded(to capability: ColorCapability) -> ThemeColor {
        switch (capability, self) {
        case (_, .default), (.truecolor, _): return self
        case (.monochrome, _): return .default
        case (.color256, .rgb(let r, let g, let b)): return .indexed(ThemeColor.nearest256(r, g, b))
        case (.color256, _): return self
        case (.color16, .ansi): return self
        case (.color16, .indexed(let i)) where i < 16: return .ansi(i)
        case (.color16, _):
            let (r, g, b) = rgbValue!
            return .ansi(ThemeColor.nearest(r, g, b, among: 0..<16))
        }
    }

    /// The xterm RGB value of palette entry `i` (0–255).
    public static func paletteRGB(_ i: Int) -> (UInt8, UInt8, UInt8) {
        let base16: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if i < 16 { return base16[max(0, i)] }
        if i < 232 {
            let n = i - 16
            let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
            return (steps[n / 36], steps[(n / 6) % 6], steps[n % 6])
        }
        let grey = UInt8(8 + (i - 232) * 10)
        return (grey, grey, grey)
    }

    /// The nearest xterm 256-colour index (cube and grey ramp only; the 16 are terminal-defined).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        nearest(r, g, b, among: 16..<256)
    }

    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among range: Range<Int>) -> UInt8 {
        var best = range.lowerBound
        var bestDistance = Int.max
        for i in range {
            let (pr, pg, pb) = paletteRGB(i)
            // Weighted distance (a cheap perceptual approximation).
            let dr = Int(r) - Int(pr), dg = Int(g) - Int(pg), db = Int(b) - Int(pb)
            let d = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }
}

