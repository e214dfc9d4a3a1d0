import ArgumentParser
import ChunkScopeCore
import Foundation

/// `chunkscope check FILE.sse [--json]`: runs a recorded stream through the same pipeline as the
/// dashboard, headless, and reports the final choices, usage, timings and lint findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a recorded stream: final text, tool calls, usage and provider lint.",
        discussion: """
            Runs the file through the same pipeline as the dashboard. Without --json it prints the \
            final text per choice, tool calls, usage, timings and lint findings. With --json it \
            prints exactly one JSON object: choices (index, content, reasoning, refusal, tool_calls, \
            finish_reason), usage (as sent), diagnostics (code, severity, event, message) and events.

            FILE may also be a ChunkScope capture (from `chunkscope record` or the dashboard): its \
            body bytes are fed with their recorded timing, its response status and transport \
            failure count, and --expect-usage is implied when the recorded request asked for usage.

            Exit status: 0 when no finding is an error, 1 when one is, 2 when the input is \
            unusable (missing or unreadable file, a directory, empty, binary, no SSE line at all, or \
            a damaged capture record: the message names its line), 3 when stdout cannot be \
            written, 141 when stdout's reader went away (`| head`).

            Examples:
              chunkscope check Tests/Fixtures/openai-tool-parallel.sse
              chunkscope check capture.sse --json | jq '.diagnostics'
              chunkscope record -m "hi" --model mock-malformed -o bad.sse; chunkscope check bad.sse
            """)

    @Argument(help: "A recorded SSE response body (.sse) or a ChunkScope capture.")
    var file: String

    @Flag(help: "Print one JSON object instead of the readable summary.")
    var json = false

    @Flag(help: "The request set stream_options.include_usage: report a missing usage object.")
    var expectUsage = false

    func run() throws {
        let bytes: [UInt8]
        switch Self.read(file) {
        case .success(let contents): bytes = contents
        case .failure(let problem): Self.fail("\(file): \(problem.reason)")
        }
        let report: CheckReport
        if CaptureFormat.isCapture(bytes) {
            let capture: Capture
            do {
                capture = try CaptureReader.read(bytes)
            } catch {
                Self.fail("\(file): not a readable capture: \(error)")
            }
            report = capture.report(options: PipelineOptions(includeUsageRequested: expectUsage || capture.requestedUsage,
                                                              recordsInspectorRows: false))
        } else {
            if let reason = CheckReport.unusableReason(for: bytes) {
                Self.fail("\(file): not an SSE stream: \(reason)")
            }
            report = CheckReport.check(body: bytes, options: PipelineOptions(includeUsageRequested: expectUsage,
                                                                             recordsInspectorRows: false))
        }
        Console.write(json ? report.json() + "\n" : report.text())
        try Console.finishStdout(command: "chunkscope check")
        if report.hasError { throw ExitCode(1) }
    }

    /// Why a path could not be read, in words.
    private struct ReadProblem: Error {
        let reason: String
    }

    private static func read(_ path: String) -> Result<[UInt8], ReadProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadProblem(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(ReadProblem(reason: "is a directory, not a recorded stream")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadProblem(reason: "cannot be read (permission denied?)"))
        }
        return .success([UInt8](data))
    }

    private static func fail(_ message: String) -> Never {
        Console.error("chunkscope check: " + message)
        Foundation.exit(2)
    }
}
