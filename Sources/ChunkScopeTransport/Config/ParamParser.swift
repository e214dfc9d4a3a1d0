import ChunkScopeCore
import Foundation

/// Parses `--param key=value`: the value is JSON when it parses as JSON (numbers, booleans, null,
/// objects, arrays, quoted strings), otherwise it is a plain string.
public enum ParamParser {
    /// The body field for one `key=value` argument.
    public static func parse(_ argument: String) throws(ConfigError) -> JSONValue.Member {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ConfigError(key: "--param", message: "'\(argument)' is not key=value (e.g. --param temperature=0.2)")
        }
        let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { throw ConfigError(key: "--param", message: "'\(argument)' has an empty key") }
        guard key != "stream" else {
            throw ConfigError(key: "--param", message: "stream is always true: ChunkScope only does streaming requests")
        }
        let raw = String(argument[argument.index(after: equals)...])
        if let value = try? JSONParser.parse(raw) { return JSONValue.Member(key, value) }
        let first = raw.trimmingCharacters(in: .whitespaces).first
        if first == "{" || first == "[" {
            do {
                _ = try JSONParser.parse(raw)
            } catch {
                throw ConfigError(key: "--param \(key)", message: "looks like JSON but is not valid: \(error)")
            }
        }
        return JSONValue.Member(key, .string(raw))
    }
}
