/// An `http(s)://` URL split into the parts ChunkScope treats differently: the userinfo (a
/// credential), the host and port, the path, the query (may carry a key) and the fragment.
///
/// Splitting is purely textual (RFC 3986 delimiters); nothing is decoded or normalised, so
/// `joined` gives back the original text.
public struct URLParts: Sendable, Equatable {
    /// `http` or `https` (whatever precedes `://`).
    public var scheme: String
    /// `user:password` before the `@`, percent-encoded as written; nil when there is no `@`.
    public var userinfo: String?
    /// `host`, `host:port` or `[v6]:port`.
    public var hostAndPort: String
    /// From the first `/` after the authority up to `?` or `#`; may be empty.
    public var path: String
    /// After `?` up to `#`, without the `?`; nil when there is no `?`.
    public var query: String?
    /// After `#`, without the `#`; nil when there is none.
    public var fragment: String?

    /// Splits `text`; nil when it has no `scheme://`.
    public init?(_ text: String) {
        guard let schemeEnd = text.firstRange(of: "://"), schemeEnd.lowerBound > text.startIndex else { return nil }
        scheme = String(text[..<schemeEnd.lowerBound])
        var rest = text[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        path = String(rest[authorityEnd...])
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        hostAndPort = String(authority)
    }

    /// The host without port or IPv6 brackets, lower-cased.
    public var host: String {
        if hostAndPort.hasPrefix("[") { return String(hostAndPort.dropFirst().prefix { $0 != "]" }).lowercased() }
        return String(hostAndPort.prefix { $0 != ":" }).lowercased()
    }

    /// The URL text again (with the userinfo, when there is one).
    public var joined: String {
        var text = scheme + "://"
        if let userinfo { text += userinfo + "@" }
        text += hostAndPort + path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// The same URL with `suffix` appended to the path (trailing slashes of the path dropped
    /// first), so the query and fragment stay after it: `/v1?api-version=x` + `/chat/completions`
    /// is `/v1/chat/completions?api-version=x`.
    public func appendingPath(_ suffix: String) -> URLParts {
        var copy = self
        while copy.path.hasSuffix("/") { copy.path.removeLast() }
        copy.path += suffix
        return copy
    }

    /// The user name and password from the userinfo, percent-decoded (as libcurl decodes them);
    /// nil when there is no userinfo. A missing `:password` is an empty password.
    public var credentials: (user: String, password: String)? {
        guard let userinfo else { return nil }
        let colon = userinfo.firstIndex(of: ":")
        let user = colon.map { String(userinfo[..<$0]) } ?? userinfo
        let password = colon.map { String(userinfo[userinfo.index(after: $0)...]) } ?? ""
        return (Self.percentDecoded(user), Self.percentDecoded(password))
    }

    /// The query's `name=value` pairs in order, as written (not decoded).
    public var queryItems: [(name: String, value: String?)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: false).map { item in
            guard let equals = item.firstIndex(of: "=") else { return (String(item), nil) }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// `%XX` sequences replaced by their bytes (read as UTF-8); a malformed `%` stays as written.
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
