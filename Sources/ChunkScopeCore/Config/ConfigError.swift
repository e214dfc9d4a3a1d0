/// A problem with the config file or with resolving a profile; names the file, line and key.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config file path (as shown to the user), when the problem is in a file.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The dotted key concerned (`profiles.groq.base_url`), when there is one.
    public var key: String?
    /// What is wrong and, where possible, how to fix it. Never contains a credential.
    public var message: String

    /// Creates an error; all location parts are optional.
    public init(file: String? = nil, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `FILE:LINE: key 'K': MESSAGE`, leaving out the parts that are unknown.
    public var description: String {
        var text = ""
        if let file { text += file + (line.map { ":\($0)" } ?? "") + ": " } else if let line { text += "line \(line): " }
        if let key { text += "key '\(key)': " }
        return text + message
    }
}
