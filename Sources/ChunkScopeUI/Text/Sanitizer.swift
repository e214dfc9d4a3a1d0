import ChunkScopeCore

// How it fits: every string that came from the network (content, reasoning, tool arguments, raw
// chunk JSON, headers, error messages) passes through the Sanitizer before a renderer measures or
// draws it. The policy itself is ChunkScopeCore's `SafeText` (shared with the headless
// commands); the Sanitizer turns its pieces into runs flagged `isEscape` (drawn in the `.escape`
// role) and expands tabs to the tab stops.

/// Turns untrusted text into printable runs (`SafeText`'s policy): `ESC[2J` → `␛[2J`,
/// OSC 52 → `␛]52;c;…␇`, C1 `0x9B` → `\x9b`, RLO → `<U+202E>`, NUL → `␀`, DEL → `␡`; tabs are
/// expanded to spaces.
public enum Sanitizer {
    /// How line breaks are treated (`SafeText.LineMode`, named here so UI callers need not
    /// import the core module).
    public enum LineMode: Sendable {
        /// LF and CRLF stay line breaks (transcript, pretty JSON); a lone CR becomes `␍`.
        case multiline
        /// Every line break becomes a visible `␊` / `␍` (table cells, titles, headers).
        case singleLine

        var policyMode: SafeText.LineMode {
            switch self {
            case .multiline: .multiline
            case .singleLine: .singleLine
            }
        }
    }

    /// The sanitised runs of `text`. `startColumn` is the display column the text starts at
    /// (for tab stops); `tabWidth` is the tab stop distance.
    public static func runs(_ text: String, mode: LineMode = .multiline, tabWidth: Int = 4, startColumn: Int = 0) -> [SanitizedRun] {
        if text.isEmpty { return [] }
        if SafeText.isClean(text, mode: mode.policyMode) { return [SanitizedRun(text)] }
        var builder = RunBuilder(tabWidth: max(1, tabWidth), column: startColumn)
        for piece in SafeText.pieces(text, mode: mode.policyMode) {
            switch piece {
            case .text(let part): builder.text(part)
            case .escape(let visible): builder.escape(visible)
            case .newline: builder.newline()
            case .tab: builder.tab()
            }
        }
        return builder.finish()
    }

    /// The sanitised text as one string, escapes inlined (for places that draw a single role).
    public static func plain(_ text: String, mode: LineMode = .singleLine, tabWidth: Int = 4) -> String {
        if SafeText.isClean(text, mode: mode.policyMode) { return text }
        return runs(text, mode: mode, tabWidth: tabWidth).map(\.text).joined()
    }

    /// Bidi controls, separators, BOM and annotation characters (see `SafeText.isDangerousFormat`).
    static func isDangerousFormat(_ v: UInt32) -> Bool {
        SafeText.isDangerousFormat(v)
    }
}
