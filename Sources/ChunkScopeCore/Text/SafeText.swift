// The one "safe to print" policy: every string that came from the network passes through it
// before it reaches a terminal, the dashboard's (ChunkScopeUI `Sanitizer`, which adds tab stops
// and styled runs) and the headless commands' (`visible`). Escape sequences and control
// characters become visible text; nothing a terminal would interpret is passed through.

/// Splits untrusted text into printable pieces: `ESC[2J` → `␛[2J`, OSC 52 → `␛]52;c;…␇`,
/// C1 `0x9B` → `\x9b`, RLO → `<U+202E>`, NUL → `␀`, DEL → `␡`.
public enum SafeText {
    /// How line breaks are treated.
    public enum LineMode: Sendable {
        /// LF and CRLF stay line breaks (transcript, pretty JSON); a lone CR becomes `␍`.
        case multiline
        /// Every line break becomes a visible `␊` / `␍` (table cells, titles, headers).
        case singleLine
    }

    /// A piece of sanitised text.
    public enum Piece: Sendable, Equatable {
        /// Printable text, passed through.
        case text(String)
        /// The visible form of something removed (an escape sequence, a control, a bidi override).
        case escape(String)
        /// A line break (multiline mode only).
        case newline
        /// A tab, for the caller to expand or keep.
        case tab
    }

    /// The longest OSC/DCS/APC payload shown in full; longer payloads are cut with `…+N`.
    public static let maxStringPayloadShown = 64

    /// True when `text` contains nothing the policy would change (a fast byte scan).
    public static func isClean(_ text: String, mode: LineMode = .multiline) -> Bool {
        for byte in text.utf8 where suspicious(byte, mode: mode) { return false }
        return true
    }

    /// `text` made safe for a plain terminal or a pipe: line breaks and tabs kept, everything
    /// else the policy removes shown in its visible form (what `record` and `replay` print).
    public static func visible(_ text: String) -> String {
        if isClean(text, mode: .multiline) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for piece in pieces(text, mode: .multiline) {
            switch piece {
            case .text(let part), .escape(let part): out += part
            case .newline: out += "\n"
            case .tab: out += "\t"
            }
        }
        return out
    }

    /// True for a scalar that a terminal interprets or that reorders or hides text: C0 controls,
    /// DEL, C1 controls, the `isDangerousFormat` characters and stray tag characters. JSON output
    /// escapes these as `\u` so it stays inert when printed.
    public static func isTerminalActive(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F..<0xA0).contains(v) || isDangerousFormat(v) || (0xE0000...0xE007F).contains(v)
    }

    /// Lead bytes of every scalar the policy treats specially (false positives are fine).
    @inline(__always)
    private static func suspicious(_ byte: UInt8, mode: LineMode) -> Bool {
        if byte < 0x20 { return !(byte == 0x0A && mode == .multiline) }
        return byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF || byte == 0xF3
    }

    /// The pieces of `text`, neighbouring text scalars merged into one `.text`.
    public static func pieces(_ text: String, mode: LineMode = .multiline) -> [Piece] {
        var builder = PieceBuilder()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var inTagSequence = false
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            // Tag characters may only follow 🏴 or another tag; any other scalar ends the sequence.
            if !(0xE0000...0xE007F).contains(v) { inTagSequence = (v == 0x1F3F4) }
            switch v {
            case 0x0A:
                if mode == .multiline { builder.append(.newline) } else { builder.escape("␊") }
                i += 1
            case 0x0D:
                if mode == .multiline, i + 1 < scalars.count, scalars[i + 1].value == 0x0A {
                    i += 1 // CRLF: the LF makes the break.
                } else {
                    builder.escape("␍")
                    i += 1
                }
            case 0x09:
                builder.append(.tab)
                i += 1
            case 0x1B:
                i = escapeSequence(scalars, at: i, into: &builder)
            case 0x00..<0x20:
                // The Control Pictures block mirrors C0 one to one (U+2400 + v), always a scalar.
                builder.escape(Unicode.Scalar(0x2400 + v).map { String($0) } ?? hexByte(v))
                i += 1
            case 0x7F:
                builder.escape("␡")
                i += 1
            case 0x80..<0xA0:
                i = c1Control(scalars, at: i, into: &builder)
            case 0xE0000...0xE007F:
                // Tag characters: allowed only inside an emoji tag sequence (🏴 + tags, e.g. the flag of
                // Scotland); anywhere else they smuggle invisible text, so show them.
                if inTagSequence {
                    builder.text(s)
                } else {
                    builder.escape(codePoint(v))
                }
                i += 1
            default:
                if isDangerousFormat(v) {
                    builder.escape(codePoint(v))
                } else {
                    builder.text(s)
                }
                i += 1
            }
        }
        return builder.finish()
    }

    /// Bidi embeddings/overrides/isolates/marks, line and paragraph separators, BOM, and
    /// interlinear annotation characters: invisible and able to reorder or hide text.
    public static func isDangerousFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    /// `<U+202E>`: the visible form of an invisible format character.
    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// `\x9b`: the visible form of a C1 control or a control inside a control string.
    static func hexByte(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\x" + (hex.count < 2 ? "0" : "") + hex
    }

    /// ESC and whatever sequence it starts; returns the index after the sequence.
    private static func escapeSequence(_ s: [Unicode.Scalar], at start: Int, into builder: inout PieceBuilder) -> Int {
        var i = start + 1
        guard i < s.count else {
            builder.escape("␛")
            return i
        }
        let next = s[i].value
        switch next {
        case 0x5B: // '[' CSI
            i += 1
            return controlSequence(s, from: i, prefix: "␛[", into: &builder)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC
            i += 1
            return controlString(s, from: i, prefix: "␛" + String(s[start + 1]), into: &builder)
        case 0x20...0x2F: // intermediates then a final byte, e.g. ESC ( B
            var text = "␛"
            while i < s.count, (0x20...0x2F).contains(s[i].value) {
                text.unicodeScalars.append(s[i])
                i += 1
            }
            if i < s.count, (0x30...0x7E).contains(s[i].value) {
                text.unicodeScalars.append(s[i])
                i += 1
            }
            builder.escape(text)
            return i
        case 0x30...0x7E: // two-character sequence, e.g. ESC c (reset), ESC 7
            builder.escape("␛" + String(s[i]))
            return i + 1
        default:
            builder.escape("␛")
            return i
        }
    }

    /// CSI parameters, intermediates and final byte after the introducer.
    private static func controlSequence(_ s: [Unicode.Scalar], from start: Int, prefix: String, into builder: inout PieceBuilder) -> Int {
        var i = start
        var text = prefix
        while i < s.count, (0x20...0x3F).contains(s[i].value) {
            text.unicodeScalars.append(s[i])
            i += 1
        }
        if i < s.count, (0x40...0x7E).contains(s[i].value) {
            text.unicodeScalars.append(s[i])
            i += 1
        }
        builder.escape(text)
        return i
    }

    /// An OSC/DCS/SOS/PM/APC string up to BEL, ESC \ or ST (0x9C); the payload is shown escaped.
    private static func controlString(_ s: [Unicode.Scalar], from start: Int, prefix: String, into builder: inout PieceBuilder) -> Int {
        var i = start
        var text = prefix
        var shown = 0
        var hidden = 0
        while i < s.count {
            let v = s[i].value
            if v == 0x07 {
                text += "␇"
                i += 1
                break
            }
            if v == 0x9C {
                text += "\\x9c"
                i += 1
                break
            }
            if v == 0x1B, i + 1 < s.count, s[i + 1].value == 0x5C {
                text += "␛\\"
                i += 2
                break
            }
            if v == 0x1B { break } // a new sequence starts: this string was unterminated.
            if shown < maxStringPayloadShown {
                if v >= 0x20, v != 0x7F, !(0x80..<0xA0).contains(v), !isDangerousFormat(v), !(0xE0000...0xE007F).contains(v) {
                    text.unicodeScalars.append(s[i])
                } else {
                    text += v > 0xFF ? codePoint(v) : hexByte(v)
                }
                shown += 1
            } else {
                hidden += 1
            }
            i += 1
        }
        if hidden > 0 {
            // Re-insert the elision marker before the terminator that was already appended.
            let terminatorEnds = ["␇", "\\x9c", "␛\\"]
            var terminator = ""
            for t in terminatorEnds where text.hasSuffix(t) {
                terminator = t
                text.removeLast(t.count)
                break
            }
            text += "…+\(hidden)" + terminator
        }
        builder.escape(text)
        return i
    }

    /// A C1 control; CSI (0x9B) and string introducers consume their sequence like the ESC forms.
    private static func c1Control(_ s: [Unicode.Scalar], at start: Int, into builder: inout PieceBuilder) -> Int {
        let v = s[start].value
        switch v {
        case 0x9B:
            return controlSequence(s, from: start + 1, prefix: "\\x9b", into: &builder)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
            return controlString(s, from: start + 1, prefix: hexByte(v), into: &builder)
        default:
            builder.escape(hexByte(v))
            return start + 1
        }
    }

    /// Collects pieces, merging neighbouring text scalars and neighbouring escapes.
    private struct PieceBuilder {
        var pieces: [Piece] = []
        var text = ""
        var escaped = ""

        mutating func text(_ scalar: Unicode.Scalar) {
            flushEscape()
            text.unicodeScalars.append(scalar)
        }

        mutating func escape(_ visible: String) {
            flushText()
            escaped += visible
        }

        mutating func append(_ piece: Piece) {
            flushText()
            flushEscape()
            pieces.append(piece)
        }

        mutating func finish() -> [Piece] {
            flushText()
            flushEscape()
            return pieces
        }

        private mutating func flushText() {
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
        }

        private mutating func flushEscape() {
            if !escaped.isEmpty { pieces.append(.escape(escaped)) }
            escaped = ""
        }
    }
}
