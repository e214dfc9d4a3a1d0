// How it fits: every renderer measures text with DisplayWidth, never with `count` or wcwidth.
// The rules follow what modern terminals (xterm, VTE, kitty, WezTerm, tmux 3.x) draw:
// East Asian Wide/Fullwidth and emoji presentation clusters take 2 cells, combining marks,
// joiners and variation selectors take 0, everything else 1. Controls are the sanitiser's job;
// here they count 0 so a stray one can never push text off the grid.

/// Terminal display width of grapheme clusters and strings.
public enum DisplayWidth {
    /// The number of cells one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        let first = scalars.first!
        // Fast path: printable ASCII, alone.
        if first.value >= 0x20, first.value < 0x7F, scalars.count == 1 { return 1 }
        return clusterWidth(scalars)
    }

    /// The total width of a string, summed over its grapheme clusters.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var printableASCII = true
        for byte in text.utf8 where byte >= 0x7F || byte < 0x20 {
            printableASCII = false
            break
        }
        if printableASCII { return text.utf8.count }
        var sum = 0
        for grapheme in text { sum += of(grapheme) }
        return sum
    }

    /// The width of one Unicode scalar on its own (0, 1 or 2).
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20, v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var iterator = scalars.makeIterator()
        guard let base = iterator.next() else { return 0 }
        var hasVS16 = false
        var hasVS15 = false
        var hasZWJ = false
        var hasEmojiPresentation = false
        var count = 1
        while let s = iterator.next() {
            count += 1
            switch s.value {
            case 0xFE0F: hasVS16 = true
            case 0xFE0E: hasVS15 = true
            case 0x200D: hasZWJ = true
            default:
                if s.properties.isEmojiPresentation { hasEmojiPresentation = true }
            }
        }
        let baseWidth = of(scalar: base)
        if count == 1 { return baseWidth }
        if baseWidth == 0 {
            // A cluster that starts with a combining mark or format character (no base to sit on).
            return 0
        }
        if base.properties.isEmoji {
            if base.properties.isEmojiPresentation { return hasVS15 && !isWide(base.value) ? 1 : 2 }
            // Text-default bases (☺, ❤, digits, #, *) become emoji with VS16 (☺️, 1️⃣) or when a
            // ZWJ joins them to an emoji-presentation scalar (❤‍🔥); a VS15 or a lone ZWJ keeps text.
            if hasVS16 && !hasVS15 { return 2 }
            if hasZWJ && hasEmojiPresentation { return 2 }
            // A skin tone on a text-default modifier base (☝🏽, ✌🏽).
            if hasEmojiPresentation && base.properties.isEmojiModifierBase { return 2 }
        }
        return baseWidth
    }

    /// Zero-width scalars: combining marks, enclosing marks, format characters, variation selectors,
    /// Hangul medial vowels and final consonants.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x00AD { return false } // SOFT HYPHEN: terminals draw it as one cell.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Whether a code point is East Asian Wide or Fullwidth (binary search of the generated table).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        let table = EastAsianWideTable.ranges
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (first, last) = table[mid]
            if v < first { high = mid - 1 } else if v > last { low = mid + 1 } else { return true }
        }
        return false
    }
}
