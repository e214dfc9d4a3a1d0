import ChunkScopeCore
import Foundation

/// Runs a profile's `api_key_cmd` with `/bin/sh -c` and returns its stdout exactly as printed
/// (`ProfileResolver` drops one trailing newline and rejects any other). The output is never logged; a failure message carries the exit status and redacted stderr.
public enum KeyCommand {
    /// Why a key command failed.
    public struct Failure: Error, CustomStringConvertible {
        /// A one-line explanation without the key.
        public var description: String
    }

    /// Runs `command` (blocking; call it before starting the UI or from a detached thread).
    public static func run(_ command: String, timeout: Double = 30) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start /bin/sh: \(error.localizedDescription)")
        }
        let outputBox = OutputBox()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            outputBox.stdout = stdout.fileHandleForReading.readDataToEndOfFile()
            outputBox.stderr = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure(description: "timed out after \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let output = String(decoding: outputBox.stdout, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let errorText = String(decoding: outputBox.stderr.prefix(300), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let printed = output.trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = errorText.isEmpty ? "" : ": " + Redaction.redactText(errorText, secrets: printed.isEmpty ? [] : [Secret(printed)])
            throw Failure(description: "exited with status \(process.terminationStatus)\(detail)")
        }
        return output
    }
}

/// Collects a child's output across the reader thread (written before `leave`, read after `wait`).
private final class OutputBox: @unchecked Sendable {
    var stdout = Data()
    var stderr = Data()
}
