/// Fits theme colours to a terminal's capability: truecolor → 256 → 16 → 8 by nearest match.
public struct ColorMapper: Sendable {
    /// What the terminal can show.
    public let capability: ColorCapability

    /// A mapper for one capability.
    public init(capability: ColorCapability) {
        self.capability = capability
    }

    /// The curses colour number for `color`: -1 is the terminal default; in direct mode an RGB
    /// colour is `r << 16 | g << 8 | b`. Nil when the terminal has no colour.
    public func cursesColor(for color: TerminalColor) -> Int32? {
        switch capability {
        case .none:
            return nil
        case .direct:
            switch color {
            case .default: return -1
            // Direct-colour terminfo keeps 0–7 as the terminal's own ANSI colours.
            case .indexed(let index) where index < 8: return Int32(index)
            case .indexed(let index):
                let (r, g, b) = Self.rgb(ofIndexed: index)
                return Self.packed(r, g, b)
            case .rgb(let r, let g, let b):
                // Values below 8 would be read as palette indices; nudge them to a near colour.
                let value = Self.packed(r, g, b)
                return value < 8 ? 8 : value
            }
        case .indexed256:
            switch color {
            case .default: return -1
            case .indexed(let index): return Int32(index)
            case .rgb(let r, let g, let b): return Int32(Self.nearest256(r, g, b))
            }
        case .ansi16:
            return ansi(color, limit: 16)
        case .ansi8:
            return ansi(color, limit: 8)
        }
    }

    private func ansi(_ color: TerminalColor, limit: Int) -> Int32 {
        switch color {
        case .default:
            return -1
        case .indexed(let index) where Int(index) < limit:
            return Int32(index)
        case .indexed(let index) where index < 16:
            return Int32(index - 8)
        case .indexed(let index):
            let (r, g, b) = Self.rgb(ofIndexed: index)
            return Int32(Self.nearestANSI(r, g, b, limit: limit))
        case .rgb(let r, let g, let b):
            return Int32(Self.nearestANSI(r, g, b, limit: limit))
        }
    }

    static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }

    /// The xterm default RGB of the 16 ANSI colours.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a 256-palette index.
    static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return ansiRGB[i] }
        if i >= 232 {
            let level = UInt8(8 + 10 * (i - 232))
            return (level, level, level)
        }
        let cube = i - 16
        return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6]))
    }

    /// The 256-palette index (16–255) nearest to an RGB colour.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func cubeStep(_ v: UInt8) -> Int {
            let value = Int(v)
            if value < 48 { return 0 }
            if value < 115 { return 1 }
            return (value - 35) / 40
        }
        let (cr, cg, cb) = (cubeStep(r), cubeStep(g), cubeStep(b))
        let cubeIndex = 16 + 36 * cr + 6 * cg + cb
        let cubeColor = (cubeLevels[cr], cubeLevels[cg], cubeLevels[cb])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyLevel = 8 + 10 * greyStep
        let cubeDistance = distance((Int(r), Int(g), Int(b)), cubeColor)
        let greyDistance = distance((Int(r), Int(g), Int(b)), (greyLevel, greyLevel, greyLevel))
        return greyDistance < cubeDistance ? UInt8(232 + greyStep) : UInt8(cubeIndex)
    }

    /// The ANSI colour index (below `limit`, 8 or 16) nearest to an RGB colour.
    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, limit: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<limit {
            let (ar, ag, ab) = ansiRGB[index]
            let d = distance((Int(r), Int(g), Int(b)), (Int(ar), Int(ag), Int(ab)))
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }

    /// Squared distance weighted for how the eye sees red, green and blue.
    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
