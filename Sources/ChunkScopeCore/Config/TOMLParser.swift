/// Parses the TOML subset ChunkScope's config uses: `[tables]` (dotted and quoted names),
/// dotted keys, basic / literal / multi-line strings with escapes, integers (with `_`, hex, octal,
/// binary), floats (incl. `inf`, `nan`), booleans, arrays (multi-line, trailing comma), inline
/// tables and `#` comments. Dates and arrays of tables are rejected with a clear message.
///
/// Nesting is bounded: a value may sit at most `maxDepth` levels deep, counting every part of the
/// table header and dotted key that leads to it and every array or inline table around it, so
/// that neither this parser nor the recursive code reading its tree can exhaust the stack. Keys
/// cost time linear in their length; names for messages are only built when an error is thrown.
public struct TOMLParser {
    /// The deepest a value may sit in the tree (header parts + key parts + enclosing arrays and
    /// inline tables); deeper text is an error naming the line.
    public static let maxDepth = 128

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var root = TOMLTable(line: 0)
    private var currentPath: [String] = []

    /// Parses `text` into its root table, or throws a `TOMLError` naming the line and key.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Document structure

    private mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try skipToLineEnd()
            case UInt8(ascii: "["):
                try parseTableHeader()
            default:
                try parseKeyValue(into: currentPath)
            }
        }
        return root
    }

    private mutating func parseTableHeader() throws(TOMLError) {
        let headerLine = line
        position += 1
        if peek() == UInt8(ascii: "[") {
            throw TOMLError(line: headerLine, message: "arrays of tables ([[…]]) are not supported in ChunkScope's config")
        }
        skipWhitespace()
        let path = try parseKeyPath(depth: 0)
        skipWhitespace()
        guard peek() == UInt8(ascii: "]") else {
            throw TOMLError(line: line, key: path.joined(separator: "."), message: "expected ']' to close the table header")
        }
        position += 1
        try skipToLineEnd()
        try defineTable(path: path, line: headerLine)
        currentPath = path
    }

    private mutating func parseKeyValue(into tablePath: [String]) throws(TOMLError) {
        let keyLine = line
        let keyPath = try parseKeyPath(depth: tablePath.count)
        let fullPath = tablePath + keyPath
        let fullKey = fullPath.joined(separator: ".")
        skipWhitespace()
        guard peek() == UInt8(ascii: "=") else {
            throw TOMLError(line: line, key: fullKey, message: "expected '=' after the key")
        }
        position += 1
        skipWhitespace()
        let value = try parseValue(key: fullKey, depth: fullPath.count)
        try skipToLineEnd(after: fullKey)
        try Self.insert(value, at: fullPath, line: keyLine, into: &root)
    }

    /// Skips spaces and a comment, then requires a line end (or the end of the text).
    private mutating func skipToLineEnd(after key: String? = nil) throws(TOMLError) {
        skipWhitespace()
        if peek() == UInt8(ascii: "#") {
            while let b = peek(), b != UInt8(ascii: "\n") {
                if b < 0x20 && b != 0x09 && b != 0x0D {
                    throw TOMLError(line: line, message: "control character in a comment")
                }
                position += 1
            }
        }
        guard let b = peek() else { return }
        if b == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { position += 1 }
        guard peek() == UInt8(ascii: "\n") else {
            throw TOMLError(line: line, key: key, message: "unexpected '\(describe(peek()))' after the value (one key = value per line)")
        }
        position += 1
        line += 1
    }

    // MARK: Building the tree

    private mutating func defineTable(path: [String], line: Int) throws(TOMLError) {
        try Self.defineTable(path: path, level: 0, line: line, in: &root)
    }

    /// Defines `path[level...]` below `table` (which is `path[..<level]`); recursion depth is
    /// bounded by `maxDepth` through the key parser.
    private static func defineTable(path: [String], level: Int, line: Int, in table: inout TOMLTable) throws(TOMLError) {
        guard level < path.count else { return }
        let head = path[level]
        let isLast = level == path.count - 1
        var name: String { path[...level].joined(separator: ".") }
        switch table.slot(head) {
        case .value(let valueLine, let kind):
            throw TOMLError(line: line, key: name, message: "already defined as \(kind) on line \(valueLine)")
        case .table(let tableLine, let isInline, let isExplicit, let childLine):
            if isInline {
                throw TOMLError(line: line, key: name, message: "an inline table (line \(tableLine)) cannot be extended")
            }
            if isLast && isExplicit {
                throw TOMLError(line: line, key: name, message: "table defined twice (first on line \(childLine))")
            }
            try table.modifyTable(head) { (child: inout TOMLTable) throws(TOMLError) in
                if isLast {
                    child.isExplicit = true
                    child.line = line
                } else {
                    try defineTable(path: path, level: level + 1, line: line, in: &child)
                }
            }
        case .absent:
            var child = TOMLTable(line: line)
            if isLast { child.isExplicit = true }
            try defineTable(path: path, level: level + 1, line: line, in: &child)
            table.append(head, .table(child), line: line)
        }
    }

    /// Inserts `value` at `path[level...]` below `table` (which is `path[..<level]`). Static, so
    /// that `root` is changed in place rather than copied with `self` on every call.
    private static func insert(_ value: TOMLValue, at path: [String], level: Int = 0, line: Int, into table: inout TOMLTable) throws(TOMLError) {
        let head = path[level]
        let isLast = level == path.count - 1
        var name: String { path[...level].joined(separator: ".") }
        switch table.slot(head) {
        case .value(let valueLine, _) where isLast, .table(let valueLine, _, _, _) where isLast:
            throw TOMLError(line: line, key: name, message: "defined twice (first on line \(valueLine))")
        case .value(let valueLine, let kind):
            throw TOMLError(line: line, key: name, message: "already defined as \(kind) on line \(valueLine), cannot add keys to it")
        case .table(let valueLine, true, _, _):
            throw TOMLError(line: line, key: name, message: "already defined as a table on line \(valueLine), cannot add keys to it")
        case .table:
            try table.modifyTable(head) { (child: inout TOMLTable) throws(TOMLError) in
                try insert(value, at: path, level: level + 1, line: line, into: &child)
            }
        case .absent where isLast:
            table.append(head, value, line: line)
        case .absent:
            var child = TOMLTable(line: line)
            try insert(value, at: path, level: level + 1, line: line, into: &child)
            table.append(head, .table(child), line: line)
        }
    }

    // MARK: Keys

    /// A dotted key whose parts will sit below `depth` levels of the tree; stops with an error as
    /// soon as the parts would go deeper than `maxDepth`.
    private mutating func parseKeyPath(depth: Int) throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            guard depth + parts.count < Self.maxDepth else {
                throw TOMLError(line: line, key: parts.prefix(3).joined(separator: ".") + ".…",
                                message: "key nested deeper than \(Self.maxDepth) levels")
            }
            skipWhitespace()
            parts.append(try parseSimpleKey(after: parts))
            skipWhitespace()
            guard peek() == UInt8(ascii: ".") else { return parts }
            position += 1
        }
    }

    private mutating func parseSimpleKey(after parts: [String]) throws(TOMLError) -> String {
        var sofar: String? { parts.isEmpty ? nil : parts.joined(separator: ".") }
        switch peek() {
        case UInt8(ascii: "\""):
            return try parseBasicString(key: sofar)
        case UInt8(ascii: "'"):
            return try parseLiteralString(key: sofar)
        default:
            let start = position
            while let b = peek(), isBareKeyByte(b) { position += 1 }
            guard position > start else {
                throw TOMLError(line: line, key: sofar, message: "expected a key, found '\(describe(peek()))'")
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }

    private func isBareKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    // MARK: Values

    /// The value for `key`, which sits `depth` levels deep in the tree.
    private mutating func parseValue(key: String, depth: Int) throws(TOMLError) -> TOMLValue {
        guard let b = peek() else { throw TOMLError(line: line, key: key, message: "missing value") }
        if b == UInt8(ascii: "[") || b == UInt8(ascii: "{"), depth >= Self.maxDepth {
            throw TOMLError(line: line, key: key, message: "arrays and tables nested deeper than \(Self.maxDepth) levels")
        }
        switch b {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return .string(try parseMultilineBasicString(key: key)) }
            return .string(try parseBasicString(key: key))
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { return .string(try parseMultilineLiteralString(key: key)) }
            return .string(try parseLiteralString(key: key))
        case UInt8(ascii: "["):
            return try parseArray(key: key, depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(key: key, depth: depth)
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw TOMLError(line: line, key: key, message: "missing value after '='")
        default:
            return try parseScalar(key: key)
        }
    }

    private mutating func parseScalar(key: String) throws(TOMLError) -> TOMLValue {
        let start = position
        while let b = peek(), !isValueTerminator(b) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = Self.number(from: text) { return number }
        if text.count >= 10, text.dropFirst(4).first == "-", text.prefix(4).allSatisfy(\.isNumber) {
            throw TOMLError(line: line, key: key, message: "dates and times are not supported here; quote the value")
        }
        throw TOMLError(line: line, key: key, message: "invalid value '\(text)' (strings need quotes)")
    }

    private func isValueTerminator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
            || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")
    }

    /// A TOML integer or float from its literal text, or nil when the text is neither.
    static func number(from text: String) -> TOMLValue? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        if body == "inf" { return .float(sign == "-" ? -.infinity : .infinity) }
        if body == "nan" { return .float(.nan) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign.isEmpty, text.first != "+" else { return nil }
            let digits = body.dropFirst(2)
            guard validUnderscores(digits), let value = Int(digits.filter { $0 != "_" }, radix: radix) else { return nil }
            return .integer(value)
        }
        guard let first = body.first, first.isASCII, first.isNumber, validUnderscores(body) else { return nil }
        let cleaned = body.filter { $0 != "_" }
        let integerPart = cleaned.prefix(while: { $0.isNumber })
        if integerPart.count > 1, integerPart.first == "0" { return nil }
        if cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let value = Int(sign + cleaned) else { return nil }
            return .integer(value)
        }
        let allowed = Set("0123456789.eE+-")
        guard cleaned.allSatisfy({ allowed.contains($0) }), !cleaned.hasSuffix("."), !cleaned.contains(".e"),
            !cleaned.contains(".E"), let value = Double(sign + cleaned)
        else { return nil }
        return .float(value)
    }

    private static func validUnderscores(_ digits: Substring) -> Bool {
        !digits.hasPrefix("_") && !digits.hasSuffix("_") && !digits.contains("__")
    }

    private mutating func parseArray(key: String, depth: Int) throws(TOMLError) -> TOMLValue {
        position += 1
        var items: [TOMLValue] = []
        while true {
            try skipWhitespaceCommentsAndNewlines(key: key)
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            items.append(try parseValue(key: key, depth: depth + 1))
            try skipWhitespaceCommentsAndNewlines(key: key)
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default:
                throw TOMLError(line: line, key: key, message: "expected ',' or ']' in the array, found '\(describe(peek()))'")
            }
        }
    }

    private mutating func parseInlineTable(key: String, depth: Int) throws(TOMLError) -> TOMLValue {
        let startLine = line
        position += 1
        var table = TOMLTable(line: startLine)
        table.isExplicit = true
        table.isInline = true
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .table(table)
        }
        while true {
            skipWhitespace()
            let innerLine = line
            let path = try parseKeyPath(depth: depth)
            let fullKey = key + "." + path.joined(separator: ".")
            skipWhitespace()
            guard peek() == UInt8(ascii: "=") else {
                throw TOMLError(line: line, key: fullKey, message: "expected '=' in the inline table")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(key: fullKey, depth: depth + path.count)
            try Self.insert(value, at: path, line: innerLine, into: &table, prefix: key)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .table(table)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), nil:
                throw TOMLError(line: startLine, key: key, message: "an inline table must close with '}' on the same line")
            default:
                throw TOMLError(line: line, key: fullKey, message: "expected ',' or '}' in the inline table, found '\(describe(peek()))'")
            }
        }
    }

    /// Inserts into an inline table, naming errors with the enclosing key as prefix.
    private static func insert(_ value: TOMLValue, at path: [String], line: Int, into table: inout TOMLTable, prefix: String) throws(TOMLError) {
        do {
            try insert(value, at: path, line: line, into: &table)
        } catch {
            throw TOMLError(line: error.line, key: error.key.map { prefix + "." + $0 }, message: error.message)
        }
    }

    // MARK: Strings

    private mutating func parseBasicString(key: String?) throws(TOMLError) -> String {
        position += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw TOMLError(line: line, key: key, message: "unterminated string") }
            switch b {
            case UInt8(ascii: "\""):
                position += 1
                return try decodeUTF8(out, key: key)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw TOMLError(line: line, key: key, message: "unterminated string (use \"\"\" for multi-line strings)")
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out, key: key)
            default:
                if b < 0x20 && b != 0x09 || b == 0x7F {
                    throw TOMLError(line: line, key: key, message: "control character in a string (escape it)")
                }
                out.append(b)
                position += 1
            }
        }
    }

    private mutating func parseMultilineBasicString(key: String) throws(TOMLError) -> String {
        position += 3
        skipNewlineAfterOpeningDelimiter()
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw TOMLError(line: line, key: key, message: "unterminated multi-line string") }
            if b == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                position += 3
                // Up to two extra quotes right before the closing delimiter belong to the content.
                var extra = 0
                while extra < 2, peek() == UInt8(ascii: "\"") {
                    out.append(UInt8(ascii: "\""))
                    position += 1
                    extra += 1
                }
                return try decodeUTF8(out, key: key)
            }
            if b == UInt8(ascii: "\\") {
                // A line-ending backslash trims the newline and following whitespace.
                var look = position + 1
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < bytes.count, bytes[look] == UInt8(ascii: "\n") || bytes[look] == UInt8(ascii: "\r") {
                    position = look
                    while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                        if c == 0x0A { line += 1 }
                        position += 1
                    }
                    continue
                }
                try parseEscape(into: &out, key: key)
                continue
            }
            if b == 0x0A { line += 1 }
            out.append(b)
            position += 1
        }
    }

    private mutating func parseLiteralString(key: String?) throws(TOMLError) -> String {
        position += 1
        let start = position
        while true {
            guard let b = peek() else { throw TOMLError(line: line, key: key, message: "unterminated literal string") }
            if b == UInt8(ascii: "'") { break }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                throw TOMLError(line: line, key: key, message: "unterminated literal string (use ''' for multi-line strings)")
            }
            position += 1
        }
        let text = try decodeUTF8(Array(bytes[start..<position]), key: key)
        position += 1
        return text
    }

    private mutating func parseMultilineLiteralString(key: String) throws(TOMLError) -> String {
        position += 3
        skipNewlineAfterOpeningDelimiter()
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw TOMLError(line: line, key: key, message: "unterminated multi-line literal string") }
            if b == UInt8(ascii: "'"), peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                position += 3
                var extra = 0
                while extra < 2, peek() == UInt8(ascii: "'") {
                    out.append(UInt8(ascii: "'"))
                    position += 1
                    extra += 1
                }
                return try decodeUTF8(out, key: key)
            }
            if b == 0x0A { line += 1 }
            out.append(b)
            position += 1
        }
    }

    private mutating func skipNewlineAfterOpeningDelimiter() {
        if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { position += 1 }
        if peek() == UInt8(ascii: "\n") {
            position += 1
            line += 1
        }
    }

    private mutating func parseEscape(into out: inout [UInt8], key: String?) throws(TOMLError) {
        position += 1
        guard let e = peek() else { throw TOMLError(line: line, key: key, message: "unterminated escape") }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "e"): 0x1B, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let mapped = simple[e] {
            out.append(mapped)
            return
        }
        let width: Int
        switch e {
        case UInt8(ascii: "u"): width = 4
        case UInt8(ascii: "U"): width = 8
        case UInt8(ascii: "x"): width = 2
        default:
            throw TOMLError(line: line, key: key, message: "unknown escape '\\\(describe(e))'")
        }
        guard position + width <= bytes.count,
            let code = UInt32(String(decoding: bytes[position..<position + width], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            throw TOMLError(line: line, key: key, message: "invalid \\\(describe(e)) escape (needs \(width) hex digits of a Unicode scalar)")
        }
        position += width
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private func decodeUTF8(_ raw: [UInt8], key: String?) throws(TOMLError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw TOMLError(line: line, key: key, message: "string is not valid UTF-8")
        }
        return text
    }

    // MARK: Low level

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x09 { position += 1 }
    }

    private mutating func skipWhitespaceCommentsAndNewlines(key: String) throws(TOMLError) {
        while let b = peek() {
            if b == 0x20 || b == 0x09 || b == 0x0D {
                position += 1
            } else if b == 0x0A {
                position += 1
                line += 1
            } else if b == UInt8(ascii: "#") {
                while let c = peek(), c != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    private func describe(_ b: UInt8?) -> String {
        guard let b else { return "end of file" }
        if b == 0x0A { return "end of line" }
        if b < 0x20 || b >= 0x7F { return "\\u{\(String(b, radix: 16))}" }
        return String(UnicodeScalar(b))
    }
}
