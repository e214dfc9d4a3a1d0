/// A value of the TOML subset ChunkScope reads (no dates): what `TOMLParser` produces.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    /// A short noun for error messages ("a string", "a table").
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A TOML table: keys in the order they were written, each with the line that defined it.
public struct TOMLTable: Sendable, Equatable {
    /// One key of the table with its value and the 1-based line where it was defined.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TOMLValue
        public var line: Int
    }

    /// The entries in definition order.
    public private(set) var entries: [Entry] = []
    /// The line of the `[header]` or key that created this table (0 for the root).
    public var line: Int
    /// True once a `[header]` or key/value defined this table directly (not just as a path prefix).
    var isExplicit = false
    /// True for `{ … }` inline tables, which cannot be extended later.
    var isInline = false

    /// An empty table created on `line`.
    public init(line: Int = 0) {
        self.line = line
    }

    /// The entry named `key`, if any.
    public func entry(_ key: String) -> Entry? {
        entries.first(where: { $0.key == key })
    }

    /// The value named `key`, if any.
    public subscript(key: String) -> TOMLValue? {
        entry(key)?.value
    }

    /// Appends a new key; the caller has checked it is not defined yet.
    mutating func append(_ key: String, _ value: TOMLValue, line: Int) {
        entries.append(Entry(key: key, value: value, line: line))
    }

    /// Replaces the value of an existing key, keeping its position and line.
    mutating func replace(_ key: String, with value: TOMLValue) {
        if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].value = value }
    }
}
