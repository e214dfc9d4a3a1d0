/// A theme file problem, with where it is.
public struct ThemeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The theme file (path or name).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
