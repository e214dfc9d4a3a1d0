/// Checks that a header can go on the wire as exactly one header: a name made of RFC 9110 token
/// characters and a value without CR, LF or other control characters (a tab is allowed), so no
/// configured value or key command output can smuggle extra headers into a request.
public enum HeaderValidation {
    /// Why the header cannot be sent, or nil when it is fine. The explanation never quotes the
    /// value (it may be a credential).
    public static func problem(name: String, value: String) -> String? {
        if let nameProblem = problem(name: name) { return nameProblem }
        return problem(value: value)
    }

    /// Why `name` is not a valid header name, or nil.
    public static func problem(name: String) -> String? {
        if name.isEmpty { return "the header name is empty" }
        guard name.utf8.allSatisfy(isTokenByte) else {
            return "the header name '\(escapingControls(name))' has a character that is not allowed in a header name"
        }
        return nil
    }

    /// Why `value` cannot be a header value, or nil.
    public static func problem(value: String) -> String? {
        for byte in value.utf8 {
            if byte == 0x0D || byte == 0x0A { return "the value contains a line break (CR or LF)" }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return "the value contains a control character" }
        }
        return nil
    }

    /// `!#$%&'*+-.^_`|~`, digits and ASCII letters.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// The text with control characters shown as `\u{…}` escapes, for a message.
    public static func escapingControls(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
