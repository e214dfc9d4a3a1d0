/// Minimal JSON text building for the mock's responses (string escaping per RFC 8259).
enum MockJSON {
    /// A JSON string literal for `text`; control characters (ESC, C1) are \u-escaped as OpenAI does.
    static func string(_ text: String) -> String {
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// True when `text` has a byte that must be escaped: `"`, `\`, a C0 control, DEL or a C1 control.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if previous == 0xC2 && byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }

    /// `value` as a JSON string literal, or `null`.
    static func optional(_ value: String?) -> String {
        value.map(string) ?? "null"
    }

    /// A JSON object from already-encoded member values, in order.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
