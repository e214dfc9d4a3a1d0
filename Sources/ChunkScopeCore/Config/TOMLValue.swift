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
    /// The index in `entries` of each key, so that lookups stay O(1) in tables with many keys.
    private var positions: [String: Int] = [:]
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
        positions[key].map { entries[$0] }
    }

    /// The value named `key`, if any.
    public subscript(key: String) -> TOMLValue? {
        entry(key)?.value
    }

    /// Appends a new key; the caller has checked it is not defined yet.
    mutating func append(_ key: String, _ value: TOMLValue, line: Int) {
        positions[key] = entries.count
        entries.append(Entry(key: key, value: value, line: line))
    }

    /// What `key` holds, as plain values (no reference to a child table's storage is kept, so
    /// that `modifyTable` can then change the child in place).
    func slot(_ key: String) -> Slot {
        guard let entry = entry(key) else { return .absent }
        if case .table(let child) = entry.value {
            return .table(line: entry.line, isInline: child.isInline, isExplicit: child.isExplicit, tableLine: child.line)
        }
        return .value(line: entry.line, kind: entry.value.kindDescription)
    }

    /// The state of one key of a table, for the parser's checks.
    enum Slot {
        case absent
        case table(line: Int, isInline: Bool, isExplicit: Bool, tableLine: Int)
        case value(line: Int, kind: String)
    }

    /// Runs `body` on the child table under `key` in place: the child is moved out while `body`
    /// runs, so changing it never copies its entries (which would make filling a table quadratic).
    /// Does nothing when `key` does not hold a table.
    mutating func modifyTable(_ key: String, _ body: (inout TOMLTable) throws(TOMLError) -> Void) throws(TOMLError) {
        guard let index = positions[key], case .table(var child) = entries[index].value else { return }
        entries[index].value = .boolean(false)
        defer { entries[index].value = .table(child) }
        try body(&child)
    }

    /// Replaces the value of an existing key, keeping its position and line.
    mutating func replace(_ key: String, with value: TOMLValue) {
        if let i = positions[key] { entries[i].value = value }
    }
}
