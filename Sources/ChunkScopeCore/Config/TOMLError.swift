/// A TOML syntax or structure error, located by 1-based line and the key it concerns.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// The dotted key concerned, when there is one.
    public var key: String?
    /// What is wrong, in words.
    public var message: String

    /// Creates an error at `line`.
    public init(line: Int, key: String? = nil, message: String) {
        self.line = line
        self.key = key
        self.message = message
    }

    /// `line N: key 'a.b': message`.
    public var description: String {
        if let key { return "line \(line): key '\(key)': \(message)" }
        return "line \(line): \(message)"
    }
}
