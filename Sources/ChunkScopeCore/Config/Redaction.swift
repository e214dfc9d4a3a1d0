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
        let bytes = Array(trimmed.utf8)
        return tokenRuns(in: bytes).contains(where: { isKeyLike(bytes[$0]) })
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
    /// by the marker. Use on any message that may echo what a server or a command said. Works on
    /// the UTF-8 bytes in one pass per secret, so a request body of many megabytes is quick.
    public static func redactText(_ text: String, secrets: [Secret] = []) -> String {
        var bytes = Array(text.utf8)
        let markerBytes = Array(marker.utf8)
        for secret in secrets where secret.exposedValue.count >= 4 {
            bytes = replacingAll(Array(secret.exposedValue.utf8), with: markerBytes, in: bytes)
        }
        return String(decoding: redactKeyShapedTokens(in: bytes), as: UTF8.self)
    }

    /// A token run is a maximal sequence of `[A-Za-z0-9_-]` bytes.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// `isTokenByte` for every byte value, so the scan over a large text is one table load per byte.
    private static let tokenByteTable: [Bool] = (0...255).map { isTokenByte(UInt8($0)) }

    private static func tokenRuns(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            tokenByteTable.withUnsafeBufferPointer { isToken in
                var runs: [Range<Int>] = []
                var i = 0
                let count = buffer.count
                while i < count {
                    if !isToken[Int(buffer[i])] {
                        i += 1
                        continue
                    }
                    let start = i
                    i += 1
                    while i < count && isToken[Int(buffer[i])] { i += 1 }
                    runs.append(start..<i)
                }
                return runs
            }
        }
    }

    private static let keyPrefixBytes = keyPrefixes.map { Array($0.utf8) }

    private static func isKeyLike(_ run: ArraySlice<UInt8>) -> Bool {
        for prefix in keyPrefixBytes where run.starts(with: prefix) {
            return run.count >= prefix.count + 8
        }
        return false
    }

    /// True when `run` is `bearer` or `basic`, any case.
    private static func isAuthScheme(_ run: ArraySlice<UInt8>) -> Bool {
        let lower = run.map { $0 | 0x20 }
        return lower.elementsEqual("bearer".utf8) || lower.elementsEqual("basic".utf8)
    }

    /// Every key-shaped run, and every run of 8 or more after `bearer `/`basic ` (spaces only
    /// between), replaced by the marker; unchanged spans are copied whole.
    private static func redactKeyShapedTokens(in bytes: [UInt8]) -> [UInt8] {
        // Find the runs first (a tight loop over the buffer), then decide about each.
        let runs = tokenRuns(in: bytes)
        let markerBytes = Array(marker.utf8)
        var output: [UInt8] = []
        var copiedUpTo = 0
        var previous: Range<Int>?
        for run in runs {
            // `bearer` counts only when nothing but spaces separates it from this run.
            let afterScheme = previous.map { isAuthScheme(bytes[$0]) && bytes[$0.upperBound..<run.lowerBound].allSatisfy { $0 == UInt8(ascii: " ") } } == true
            if isKeyLike(bytes[run]) || (afterScheme && run.count >= 8) {
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output += bytes[copiedUpTo..<run.lowerBound]
                output += markerBytes
                copiedUpTo = run.upperBound
            }
            previous = run
        }
        if copiedUpTo == 0 { return bytes }
        output += bytes[copiedUpTo...]
        return output
    }

    /// Every occurrence of `target` in `bytes` replaced with `replacement`, left to right.
    private static func replacingAll(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, bytes.count >= target.count else { return bytes }
        let matches: [Int] = bytes.withUnsafeBufferPointer { haystack in
            target.withUnsafeBufferPointer { needle in
                var found: [Int] = []
                var i = 0
                let last = haystack.count - needle.count
                let first = needle[0]
                while i <= last {
                    if haystack[i] == first {
                        var j = 1
                        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                        if j == needle.count {
                            found.append(i)
                            i += needle.count
                            continue
                        }
                    }
                    i += 1
                }
                return found
            }
        }
        guard !matches.isEmpty else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copiedUpTo = 0
        for start in matches {
            output += bytes[copiedUpTo..<start]
            output += replacement
            copiedUpTo = start + target.count
        }
        output += bytes[copiedUpTo...]
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

extension Redaction {
    /// Query parameter names that carry a credential, compared lower-cased (`api-key`, Azure SAS `sig`…).
    private static let sensitiveQueryNames: Set<String> = [
        "key", "api-key", "api_key", "apikey", "token", "access_token", "sig", "signature", "password", "secret",
        "code",
    ]

    /// True when a query parameter with this name carries a credential (`api-key`, `x-goog-api-key`,
    /// `access_token`, `client_secret`, `sig`…).
    public static func isSensitiveQueryName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if sensitiveQueryNames.contains(lower) { return true }
        return sensitiveFragments.contains(where: { lower.contains($0) }) || lower.contains("signature")
    }

    /// The URL as it may be shown or saved: userinfo (`user:password@`) replaced by the marker, the
    /// value of every credential-named query parameter replaced by the marker, then `redactText`.
    /// Text that is not a `scheme://` URL only goes through `redactText`.
    public static func redactURL(_ url: String, secrets: [Secret] = []) -> String {
        guard var parts = URLParts(url) else { return redactText(url, secrets: secrets) }
        if parts.userinfo != nil { parts.userinfo = marker }
        if parts.query != nil {
            parts.query = parts.queryItems.map { item in
                guard let value = item.value else { return item.name }
                return item.name + "=" + (isSensitiveQueryName(item.name) && !value.isEmpty ? marker : value)
            }.joined(separator: "&")
        }
        return redactText(parts.joined, secrets: secrets)
    }

    /// The credentials a URL carries, as written and percent-decoded, so messages that echo them
    /// can be masked: the userinfo password (or, without one, a user name of 8 or more characters,
    /// which is then a token) and every credential-named query value.
    public static func urlSecrets(_ url: String) -> [Secret] {
        guard let parts = URLParts(url) else { return [] }
        var values: [String] = []
        if let userinfo = parts.userinfo, let credentials = parts.credentials {
            if let colon = userinfo.firstIndex(of: ":") {
                values += [String(userinfo[userinfo.index(after: colon)...]), credentials.password]
            } else if userinfo.count >= 8 {
                values += [userinfo, credentials.user]
            }
        }
        for item in parts.queryItems where isSensitiveQueryName(item.name) {
            if let value = item.value { values += [value, URLParts.percentDecoded(value)] }
        }
        var seen: Set<String> = []
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }.map(Secret.init)
    }
}
