/// The result of running a recorded stream headless (`chunkscope check`): the final choices,
/// usage, lint findings and counts, rendered as the documented JSON object or a readable summary.
public struct CheckReport: Sendable {
    /// Final state of every choice, ordered by index.
    public var choices: [ChoiceState]
    /// The last usage object the stream carried, as sent.
    public var usage: JSONValue?
    /// Lint findings in the order raised.
    public var diagnostics: [Diagnostic]
    /// Number of dispatched SSE messages (data events, `[DONE]` included).
    public var events: Int
    /// Number of SSE comment lines.
    public var comments: Int
    /// Timings (all zero for a plain `.sse` file, which carries none).
    public var metrics: StreamMetrics
    /// How the stream ended.
    public var state: StreamState
    /// The last usage object with real counts when a later all-zero one replaced it (see `usage`).
    public var replacedUsage: JSONValue? = nil

    /// Creates a report (normally made by `StreamPipeline.report()`).
    public init(choices: [ChoiceState], usage: JSONValue?, diagnostics: [Diagnostic], events: Int,
                comments: Int = 0, metrics: StreamMetrics = StreamMetrics(), state: StreamState = .finished) {
        self.choices = choices
        self.usage = usage
        self.diagnostics = diagnostics
        self.events = events
        self.comments = comments
        self.metrics = metrics
        self.state = state
    }

    /// Runs a whole recorded body through a fresh pipeline (all bytes at time 0).
    public static func check(body: [UInt8], options: PipelineOptions = PipelineOptions()) -> CheckReport {
        var pipeline = StreamPipeline(options: options)
        pipeline.feed(body, at: 0)
        pipeline.finish(at: 0)
        return pipeline.report()
    }

    /// True when any finding is an error (`chunkscope check` exits 1).
    public var hasError: Bool { diagnostics.contains { $0.severity == .error } }

    /// Why `body` is not usable as an SSE recording, or nil when it is: empty, binary (NUL bytes),
    /// or without a single SSE line (`data`, `event:`, `id:`, `retry:` or a `:` comment).
    public static func unusableReason(for body: [UInt8]) -> String? {
        if body.isEmpty { return "the file is empty" }
        if body.prefix(65_536).contains(0) { return "binary data (NUL bytes), not an SSE stream" }
        var lineStart = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var i = lineStart
        while i <= body.count {
            if i == body.count || body[i] == 0x0A || body[i] == 0x0D {
                if isFieldLine(body[lineStart..<i]) { return nil }
                lineStart = i + 1
            }
            i += 1
        }
        return "no SSE line (data:, event:, id:, retry: or a : comment) found"
    }

    private static func isFieldLine(_ line: ArraySlice<UInt8>) -> Bool {
        if line.first == UInt8(ascii: ":") { return true }
        for field in ["data", "event", "id", "retry"] {
            let name = Array(field.utf8)
            if line.starts(with: name) {
                let rest = line.dropFirst(name.count)
                if rest.isEmpty && field == "data" { return true }
                if rest.first == UInt8(ascii: ":") { return true }
            }
        }
        return false
    }
}
