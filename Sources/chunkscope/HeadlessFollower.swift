import ChunkScopeCore
import Foundation

/// Follows a stream headless for `record` and `replay`: runs every input through the same
/// `StreamPipeline` as the dashboard, prints choice 0's content as it grows (control and escape
/// characters made visible), and prints the check-style report at the end.
struct HeadlessFollower {
    private var pipeline: StreamPipeline
    /// UTF-8 bytes of choice 0's content already printed (content only ever grows).
    private var printedBytes = 0
    private let printsContent: Bool

    /// A follower; `printsContent` false prints only the final report.
    init(includeUsageRequested: Bool, printsContent: Bool) {
        // Headless output never shows inspector rows: build none (no memory, no CS110).
        pipeline = StreamPipeline(options: PipelineOptions(includeUsageRequested: includeUsageRequested,
                                                           recordsInspectorRows: false))
        self.printsContent = printsContent
    }

    /// Consumes `source` to its end, stamping inputs with the monotonic clock (at arrival when the
    /// source timed them); returns the exit code: 0 clean, 1 when the stream failed or lint found
    /// an error.
    static func follow(_ source: AsyncStream<StreamInput>, includeUsageRequested: Bool, printsContent: Bool) async -> Int32 {
        var follower = HeadlessFollower(includeUsageRequested: includeUsageRequested, printsContent: printsContent)
        let start = CaptureRecorder.now()
        for await input in source {
            let arrival = input.arrival(onClockReading: CaptureRecorder.now())
            follower.handle(input, at: arrival >= start ? arrival - start : 0)
        }
        return follower.finish(at: CaptureRecorder.now() - start)
    }

    /// Consumes a replay to its end, stamping inputs with their recorded offsets (so the report
    /// shows the original timings at any speed); returns the exit code as `follow` does.
    static func follow(timed source: AsyncStream<Capture.TimedInput>, includeUsageRequested: Bool, printsContent: Bool) async -> Int32 {
        var follower = HeadlessFollower(includeUsageRequested: includeUsageRequested, printsContent: printsContent)
        var last: UInt64 = 0
        for await timed in source {
            last = timed.offset
            follower.handle(timed.input, at: timed.offset)
        }
        return follower.finish(at: last)
    }

    private mutating func handle(_ input: StreamInput, at nanos: UInt64) {
        pipeline.handle(input, at: nanos)
        if case .note(let text) = input { Console.error("note: " + SafeText.visible(text)) }
        guard printsContent, input.bodyBytes != nil else { return }
        printNewContent()
    }

    private mutating func printNewContent() {
        guard let content = pipeline.snapshot().choices.first?.content else { return }
        let utf8 = content.utf8
        guard utf8.count > printedBytes else { return }
        let fresh = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: printedBytes)...]))
        printedBytes = utf8.count
        Console.write(SafeText.visible(fresh))
    }

    private mutating func finish(at nanos: UInt64) -> Int32 {
        pipeline.finish(at: nanos)
        if printsContent {
            printNewContent()
            Console.write("\n")
        }
        let report = pipeline.report()
        Console.error(text: report.text(contentShown: !printsContent))
        switch report.state {
        case .failed(let failure):
            Console.error("stream failed (\(failure.kind.rawValue)): " + SafeText.visible(failure.message))
            return 1
        case .cancelled:
            Console.error("stream cancelled; what arrived is kept")
            return 1
        default:
            break
        }
        return report.hasError ? 1 : 0
    }
}
