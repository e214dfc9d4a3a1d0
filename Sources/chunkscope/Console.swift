import Foundation

/// Unbuffered line output for the headless commands (stdout for results, stderr for problems).
enum Console {
    /// Writes `line` and a newline to stdout at once.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes `line` and a newline to stderr at once.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
