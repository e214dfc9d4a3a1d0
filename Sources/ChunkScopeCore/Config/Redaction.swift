/// Keeps credentials out of everything ChunkScope shows or saves: request summaries, captures,
/// error messages and notes.
public enum Redaction {
    /// What replaces a credential.
    public static let marker = "[REDACTED]"

    /// Header names that always carry credentials, compared lower-cased.
    private static let sensitiveNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
    ]

    /// Name fragments that mark a header as credential-carrying (`x-goog-api-key`, `x-auth-token`…).
    private static let sensitiveFragments = ["key", "token", "secret", "password", "auth", "cookie"]

    /// Prefixes of provider key formats (`sk-…` for OpenAI/DeepSeek/OpenRouter, `gsk_` Groq, …).
    private static let keyPrefixes = ["sk-", "sk_", "gsk_", "xai-", "hf_", "pk-", "rk-", "AIza", "nvapi-", "r8_"]

    /// True when a header with this name carries a credential.
    public static func isSensitiveHeaderName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if sensitiveNames.contains(lower) { return true }
        return sensitiveFragments.contains(where: { lower.contains($0) })
    }

    /// True when a value looks like an API key or a bearer credential, whatever its header is called.
    public static func looksLikeCredential(_ value: String) -> Bool {
        let trimmed = value.trimmingSpaces()
        if trimmed.lowercased().hasPrefix("bearer ") || trimmed.lowercased().hasPrefix("basic ") { return true }
        return tokenRuns(in: trimmed).contains(where: { isKeyLike($0) })
    }

    /// The header with its value replaced by the marker when it carries or looks like a credential.
    public static func redact(_ header: HTTPHeader) -> HTTPHeader {
        if isSensitiveHeaderName(header.name) || looksLikeCredential(header.value) {
            return HTTPHeader(header.name, marker)
        }
        return header
    }

    /// Every header redacted with `redact(_:)`, order kept.
    public static func redact(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        headers.map { redact($0) }
    }

    /// The text with every known secret, every key-shaped token and every bearer credential replaced
    /// by the marker. Use on any message that may echo what a server or a command said.
    public static func redactText(_ text: String, secrets: [Secret] = []) -> String {
        var result = text
        for secret in secrets where secret.exposedValue.count >= 4 {
            result = result.replacingAll(secret.exposedValue, with: marker)
        }
        return redactKeyShapedTokens(in: result)
    }

    /// A token run is a maximal sequence of `[A-Za-z0-9_-]` characters.
    private static func isTokenCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    private static func tokenRuns(in text: String) -> [Substring] {
        text.split(whereSeparator: { !isTokenCharacter($0) })
    }

    private static func isKeyLike(_ run: Substring) -> Bool {
        for prefix in keyPrefixes where run.hasPrefix(prefix) {
            return run.count >= prefix.count + 8
        }
        return false
    }

    private static func redactKeyShapedTokens(in text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        var run = ""
        var previousWord = ""
        func flush() {
            guard !run.isEmpty else { return }
            let isBearerValue = ["bearer", "basic"].contains(previousWord.lowercased()) && run.count >= 8
            output += (isKeyLike(Substring(run)) || isBearerValue) ? marker : run
            previousWord = run
            run = ""
        }
        for c in text {
            if isTokenCharacter(c) {
                run.append(c)
            } else {
                flush()
                if c != " " { previousWord = "" }
                output.append(c)
            }
        }
        flush()
        return output
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line ends.
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// Every occurrence of `target` replaced with `replacement` (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}

extension Redaction {
    /// A response header redacted only when it sets a cookie or its value looks like a key, so the
    /// inspector keeps `x-ratelimit-remaining-tokens` and friends.
    public static func redactResponseHeader(_ header: HTTPHeader) -> HTTPHeader {
        let lower = header.name.lowercased()
        if lower == "set-cookie" || lower == "cookie" || looksLikeCredential(header.value) {
            return HTTPHeader(header.name, marker)
        }
        return header
    }
}
