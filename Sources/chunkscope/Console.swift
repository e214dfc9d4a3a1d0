import ArgumentParser
import ChunkScopeCore
import Foundation

/// Output for the headless commands: stdout for results, stderr for problems, each call one
/// `write(2)` (unbuffered). A failed stdout write never traps: it is remembered, later stdout
/// output is dropped, and `finishStdout` turns it into the exit status.
enum Console {
    /// Exit status when stdout's reader went away (`| head`): 128 + SIGPIPE, what a shell reports
    /// for a process that SIGPIPE killed, so `set -o pipefail` scripts see the usual value.
    static let closedByReaderStatus: Int32 = 141
    /// Exit status when stdout or a capture file could not be written (disk full, I/O error).
    static let writeFailedStatus: Int32 = 4

    private static let stdout = StdoutState()

    /// Writes `line` and a newline to stdout.
    static func out(_ line: String) {
        write(line + "\n")
    }

    /// Writes `text` to stdout as is.
    static func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` to stdout unless an earlier stdout write failed.
    static func write(bytes: [UInt8]) {
        stdout.write(bytes)
    }

    /// Writes `line` and a newline to stderr.
    static func error(_ line: String) {
        error(text: line + "\n")
    }

    /// Writes `text` to stderr as is; a failure is dropped (there is nowhere left to report it).
    static func error(text: String) {
        try? DescriptorOutput.write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// The first stdout write error, if any.
    static var stdoutError: OutputError? { stdout.error }

    /// Throws the exit status for a failed stdout: 141, quietly, when the reader went away;
    /// otherwise names the error on stderr (prefixed `command:`) and exits 4.
    static func finishStdout(command: String) throws {
        guard let error = stdout.error else { return }
        if error.isClosedByReader { throw ExitCode(closedByReaderStatus) }
        Self.error("\(command): cannot write to stdout: \(error)")
        throw ExitCode(writeFailedStatus)
    }

    /// Stdout's write state, shared by every task that prints.
    private final class StdoutState: @unchecked Sendable {
        private let lock = NSLock()
        private var firstError: OutputError?

        func write(_ bytes: [UInt8]) {
            lock.lock()
            defer { lock.unlock() }
            guard firstError == nil else { return }
            do {
                try DescriptorOutput.write(bytes, to: STDOUT_FILENO)
            } catch {
                firstError = error
            }
        }

        var error: OutputError? {
            lock.lock()
            defer { lock.unlock() }
            return firstError
        }
    }
}
