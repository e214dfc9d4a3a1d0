// How it fits: `--theme NAME|PATH` ends here. The format (documented in README.md, "Themes"):
//
//   # comment
//   name = solarized            (optional; defaults to the file name)
//   inherits = dark             (optional; a built-in theme or another loaded name)
//   title = #ffffff bold        role = FOREGROUND [on BACKGROUND] [bold|dim|italic|underline|reverse]…
//   codeBlock = default on 236
//
// Colours: `default`, the 16 names (`red`, `bright-blue`…), palette indices 0–255, `#rrggbb`.
// Every error names the file and line.

/// Parses the theme text format.
public enum ThemeParser {
    /// Parses theme text. `file` names the source in errors; `resolve` finds an inherited theme by
    /// name (built-in themes are always available).
    public static func parse(_ text: String, file: String, resolve: (String) -> Theme? = { _ in nil }) throws(ThemeParseError) -> Theme {
        var name = file.split(separator: "/").last.map { String($0) } ?? file
        if name.hasSuffix(".theme") { name.removeLast(6) }
        var styles: [StyleRole: RoleStyle] = [:]
        var sawRole = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if let hash = line.indices.first(where: { line[$0] == "#" && !isColourHash(line, at: $0) }) { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw ThemeParseError(file: file, line: lineNumber, message: "expected `key = value`, got `\(shown(trimmed))`")
            }
            let key = String(trimmed[..<eq]).trimmingCharacters(in: " \t")
            let value = String(trimmed[trimmed.index(after: eq)...]).trimmingCharacters(in: " \t")
            switch key {
            case "name":
                guard !value.isEmpty else { throw ThemeParseError(file: file, line: lineNumber, message: "empty theme name") }
                name = value
            case "inherits":
                if sawRole {
                    throw ThemeParseError(file: file, line: lineNumber, message: "`inherits` must come before any role")
                }
                guard let base = resolve(value) ?? BuiltInThemes.theme(named: value) else {
                    throw ThemeParseError(file: file, line: lineNumber, message: "unknown theme `\(shown(value))` to inherit from (built-in: \(BuiltInThemes.names.joined(separator: ", ")))")
                }
                styles = base.styles
            default:
                guard let role = StyleRole(rawValue: key) else {
                    throw ThemeParseError(file: file, line: lineNumber, message: "unknown role `\(shown(key))` (roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                sawRole = true
                do {
                    styles[role] = try parseStyle(value)
                } catch let message {
                    throw ThemeParseError(file: file, line: lineNumber, message: "\(key): \(message.text)")
                }
            }
        }
        return Theme(name: name, styles: styles)
    }

    struct StyleError: Error { var text: String }

    /// Parses `FOREGROUND [on BACKGROUND] [attributes…]`.
    static func parseStyle(_ value: String) throws(StyleError) -> RoleStyle {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { throw StyleError(text: "missing colour") }
        var style = RoleStyle()
        guard let fg = ThemeColor(parsing: first) else { throw StyleError(text: "bad colour `\(shown(first))` (use default, a name like bright-blue, 0-255, or #rrggbb)") }
        style.foreground = fg
        var i = 1
        if i < words.count, words[i] == "on" {
            guard i + 1 < words.count else { throw StyleError(text: "`on` needs a background colour") }
            guard let bg = ThemeColor(parsing: words[i + 1]) else { throw StyleError(text: "bad background colour `\(shown(words[i + 1]))`") }
            style.background = bg
            i += 2
        }
        while i < words.count {
            switch words[i] {
            case "bold": style.attributes.insert(.bold)
            case "dim": style.attributes.insert(.dim)
            case "italic": style.attributes.insert(.italic)
            case "underline": style.attributes.insert(.underline)
            case "reverse": style.attributes.insert(.reverse)
            default: throw StyleError(text: "unknown attribute `\(shown(words[i]))` (bold, dim, italic, underline, reverse)")
            }
            i += 1
        }
        return style
    }

    /// File text quoted in a message: control characters made visible (`\u{1b}`) so nothing from
    /// the file drives the terminal, and cut after 60 characters so a huge line stays one line.
    static func shown(_ text: some StringProtocol) -> String {
        var out = ""
        for (count, character) in text.enumerated() {
            if count == 60 { return out + "…" }
            for scalar in character.unicodeScalars {
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A `#` that starts a colour (`#rrggbb`, or a malformed one to report) rather than a comment:
    /// comments start with `#` followed by a space, another `#`, or the end of the line.
    static func isColourHash(_ line: Substring, at index: Substring.Index) -> Bool {
        let next = line.index(after: index)
        guard next < line.endIndex else { return false }
        return line[next].isHexDigit
    }

    /// The canonical text of a theme (round-trips through `parse`).
    public static func format(_ theme: Theme) -> String {
        var out = "name = \(theme.name)\n"
        for role in StyleRole.allCases {
            guard let style = theme.styles[role] else { continue }
            var line = "\(role.rawValue) = \(style.foreground)"
            if style.background != .default { line += " on \(style.background)" }
            let names: [(CellAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse")]
            for (attribute, word) in names where style.attributes.contains(attribute) { line += " " + word }
            out += line + "\n"
        }
        return out
    }
}

