import ChunkScopeCore

/// Seeded random JSON texts for differential and fuzz tests: nested values with awkward strings
/// (escapes, surrogate pairs, non-ASCII), numbers in every grammar form, and random whitespace.
struct RandomJSON {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// A random value `depth` levels deep at most.
    mutating func value(depth: Int = 4) -> JSONValue {
        switch int(0...(depth > 0 ? 7 : 4)) {
        case 0: return .null
        case 1: return .bool(int(0...1) == 1)
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5: return .array((0..<int(0...4)).map { _ in value(depth: depth - 1) })
        default:
            return .object((0..<int(0...4)).map { index in JSONValue.Member("k\(index)\(string(maxLength: 3))", value(depth: depth - 1)) })
        }
    }

    mutating func number() -> String {
        let forms = ["0", "-0", "7", "-42", "1700000000", "3.25", "-0.5", "1e3", "2E-2", "6.02e+23", "9007199254740993", "0.1"]
        return forms[int(0...(forms.count - 1))]
    }

    mutating func string(maxLength: Int = 8) -> String {
        let pieces = ["a", "Z", " ", "é", "日", "😀", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{7F}", "chat", "\u{2028}"]
        return (0..<int(0...maxLength)).map { _ in pieces[int(0...(pieces.count - 1))] }.joined()
    }

    /// `value` as JSON text, with random whitespace and random (valid) escape spellings.
    mutating func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private mutating func whitespace() -> String {
        ["", "", "", " ", "\n", "\t", " \r\n "][int(0...6)]
    }

    private mutating func write(_ value: JSONValue, to output: inout String) {
        output += whitespace()
        switch value {
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += whitespace() + "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                output += whitespace()
                writeString(member.key, to: &output)
                output += whitespace() + ":"
                write(member.value, to: &output)
            }
            output += whitespace() + "}"
        case .string(let text):
            writeString(text, to: &output)
        default:
            output += value.serialized()
        }
        output += whitespace()
    }

    private mutating func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch (scalar, int(0...3)) {
            case ("\"", _): output += "\\\""
            case ("\\", _): output += "\\\\"
            case ("/", 0): output += "\\/"
            case (_, 0) where scalar.value > 0xFFFF:
                let offset = scalar.value - 0x10000
                output += "\\u" + hex4(0xD800 + (offset >> 10)) + "\\u" + hex4(0xDC00 + (offset & 0x3FF))
            case (_, 0):
                output += "\\u" + hex4(scalar.value)  // any BMP scalar may be spelled \uXXXX
            case (_, 1) where scalar.value < 0x20:
                output += "\\u" + hex4(scalar.value)
            case (_, _) where scalar.value < 0x20:
                output += JSONValue.string(String(scalar)).serialized().dropFirst().dropLast()
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private mutating func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: int(0...1) == 1)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
