import ChunkScopeUI

/// Theme parser: any text parses or fails with a `ThemeParseError`; a parsed theme written back
/// with `ThemeParser.format` must parse to the same theme (the documented round trip).
enum ThemeParserFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let theme = try? ThemeParser.parse(text, file: "fuzz.theme") else { return }
        let formatted = ThemeParser.format(theme)
        guard let again = try? ThemeParser.parse(formatted, file: "fuzz.theme"), again == theme else {
            fatalError("theme does not round-trip: \(text.debugDescription) formats as \(formatted.debugDescription)")
        }
    }
}
