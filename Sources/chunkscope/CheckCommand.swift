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
            FILE may also be a ChunkScope capture (from `chunkscope record` or the dashboard): its \
            body bytes are fed with their recorded timing, its response status and transport \
            failure count, and --expect-usage is implied when the recorded request asked for usage.
            Exit status: 0 when no lint finding is an error, 1 when one is, 2 when the input is \
            unusable (missing or unreadable file, empty, binary, or no SSE line at all).
            With --json, stdout is exactly one JSON object:
            {"choices":[{"index","content","reasoning","refusal","tool_calls":[{"index","id","type","name","arguments"}],"finish_reason"}],
             "usage":{…as sent…},"diagnostics":[{"code","severity","event","message"}],"events":N}
            """)

    @Argument(help: "A recorded SSE response body (.sse) or a ChunkScope capture.")
    var file: String

    @Flag(help: "Print one JSON object instead of the readable summary.")
    var json = false

    @Flag(help: "The request set stream_options.include_usage: report a missing usage object.")
    var expectUsage = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try Self.read(file)
        } catch {
            Self.fail("\(file): \(error.localizedDescription)")
        }
        let report: CheckReport
        if CaptureFormat.isCapture(bytes) {
            let capture: Capture
            do {
                capture = try CaptureReader.read(bytes)
            } catch {
                Self.fail("\(file): not a readable capture: \(error)")
            }
            report = capture.report(options: PipelineOptions(includeUsageRequested: expectUsage || capture.requestedUsage))
        } else {
            if let reason = CheckReport.unusableReason(for: bytes) {
                Self.fail("\(file): not an SSE stream: \(reason)")
            }
            report = CheckReport.check(body: bytes, options: PipelineOptions(includeUsageRequested: expectUsage))
        }
        if json {
            print(report.json())
        } else {
            print(report.text(), terminator: "")
        }
        if report.hasError { throw ExitCode(1) }
    }

    private static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        if isDirectory.boolValue { throw CocoaError(.fileReadInvalidFileName) }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("chunkscope check: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}
