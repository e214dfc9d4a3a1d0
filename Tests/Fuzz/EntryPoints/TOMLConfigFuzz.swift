import ChunkScopeCore

/// TOML config parser: any text parses or fails with a `TOMLError`/`ConfigError` (bounded
/// nesting, no stack overflow); what parses also goes through the config reader.
enum TOMLConfigFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard (try? TOMLParser.parse(text)) != nil else { return }
        _ = try? ChunkScopeConfig.parse(text, path: "fuzz.toml")
    }
}
