import Testing
@testable import ChunkScopeCore

@Suite("Inspector raw-text budget")
struct InspectorRawBudgetTests {
    static func chunkJSON(_ n: Int) -> String {
        #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"w\#(n) "},"finish_reason":null}]}"#
    }

    static func chunkRow(_ n: Int) -> InspectorEvent {
        let raw = chunkJSON(n)
        return InspectorEvent(sequence: n, time: UInt64(n), gap: 1, size: raw.utf8.count, chunkData: raw)
    }

    /// The SSE body of a text stream with `count` content chunks, a stop chunk and [DONE].
    static func stream(_ count: Int) -> [UInt8] {
        var text = #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"# + "\n\n"
        for n in 0..<count { text += "data: " + chunkJSON(n) + "\n\n" }
        text += #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n"
        text += "data: [DONE]\n\n"
        return Array(text.utf8)
    }

    @Test("the retained raw text stays within the budget; the oldest rows are released, keeping their summary")
    func logStaysWithinBudget() {
        let budget = 4096
        let log = InspectorEventLog(rawBudget: budget)
        for n in 1...5_000 {
            log.append(Self.chunkRow(n))
            #expect(log.retainedRawBytes <= budget)
        }
        let rows = Array(log.slice())
        #expect(rows.count == 5_000)
        // The accessor agrees with what the rows actually hold.
        #expect(log.retainedRawBytes == rows.reduce(0) { $0 + $1.raw.utf8.count })
        let kept = rows.filter { !$0.rawDropped }
        let rowBytes = Self.chunkJSON(4_999).utf8.count
        #expect(kept.count >= budget / rowBytes - 1)
        #expect(log.releasedRawRows == 5_000 - kept.count)
        // Released rows are a prefix: the newest events keep their full JSON.
        let firstKept = rows.firstIndex { !$0.rawDropped }!
        #expect(rows[firstKept...].allSatisfy { !$0.rawDropped && $0.raw == Self.chunkJSON($0.sequence) })
        #expect(rows[..<firstKept].allSatisfy { $0.rawDropped && $0.raw.isEmpty })
        // Released rows read the same one-line summary as before.
        #expect(rows[0].summary == #"delta.content "w1 ""#)
        #expect(rows[firstKept - 1].summary == Self.chunkRow(firstKept).summary)
        #expect(rows.last?.raw == Self.chunkJSON(5_000))
    }

    @Test("a snapshot taken before a release still reads coherent rows")
    func sliceBeforeRelease() {
        let log = InspectorEventLog(rawBudget: 2048)
        for n in 1...5 { log.append(Self.chunkRow(n)) }
        let early = log.slice()
        let copied = early[0]
        #expect(!copied.rawDropped)
        for n in 6...200 { log.append(Self.chunkRow(n)) }
        #expect(early.count == 5)
        let now = early[0]
        #expect(now.rawDropped)
        #expect(now.raw.isEmpty)
        #expect(now.summary == copied.summary)
        #expect(now.sequence == copied.sequence && now.time == copied.time && now.size == copied.size)
        #expect(early.rows(in: 0..<5).map(\.summary) == (1...5).map { #"delta.content "w\#($0) ""# })
        // A row copied out before the release keeps its raw text (values are never mutated under a reader).
        #expect(copied.raw == Self.chunkJSON(1))
        #expect(copied != now)
    }

    @Test("no budget (nil or 0) keeps every row's raw text", arguments: [nil, 0] as [Int?])
    func unlimited(budget: Int?) {
        let log = InspectorEventLog(rawBudget: budget)
        for n in 1...2_000 { log.append(Self.chunkRow(n)) }
        #expect(log.rawBudget == nil)
        #expect(log.releasedRawRows == 0)
        #expect(log.retainedRawBytes == (1...2_000).reduce(0) { $0 + Self.chunkJSON($1).utf8.count })
    }

    @Test("rows that hold no raw text are skipped, not marked released; the newest row is always kept")
    func emptyAndOversizedRows() {
        let log = InspectorEventLog(rawBudget: 100)
        log.append(InspectorEvent(sequence: 1, time: 0, gap: 0, size: 99_999, kind: .invalid,
                                  summary: "line too long (99999B discarded)", raw: ""))
        let big = String(repeating: "x", count: 500)
        log.append(InspectorEvent(sequence: 2, time: 0, gap: 0, size: 500, kind: .comment, summary: ": x…", raw: big))
        #expect(log.slice()[1].raw == big)     // larger than the budget alone, but the newest
        #expect(log.releasedRawRows == 0)
        log.append(InspectorEvent(sequence: 3, time: 0, gap: 0, size: 3, kind: .comment, summary: ": ok", raw: "ok"))
        let rows = Array(log.slice())
        #expect(!rows[0].rawDropped)
        #expect(rows[1].rawDropped && rows[1].summary == ": x…")
        #expect(rows[2].raw == "ok")
        #expect(log.retainedRawBytes == 2)
    }

    @Test("budget text reads as people write sizes")
    func describe() {
        #expect(InspectorEventLog.describe(bytes: 64 << 20) == "64 MiB")
        #expect(InspectorEventLog.describe(bytes: 4096) == "4 KiB")
        #expect(InspectorEventLog.describe(bytes: 1536) == "1.5 KiB")
        #expect(InspectorEventLog.describe(bytes: 900) == "900 B")
    }

    @Test("pipeline: tiny budget, many chunks — memory bounded, final state unchanged, CS110 once")
    func pipelineBudget() {
        let body = Self.stream(3_000)
        var unlimited = StreamPipeline(options: PipelineOptions(maxRetainedRawBytes: nil))
        var budgeted = StreamPipeline(options: PipelineOptions(maxRetainedRawBytes: 8 << 10))
        // Network-sized reads, so releases happen while the stream is still arriving.
        var early: InspectorEventLog.Slice?
        for (i, start) in stride(from: 0, to: body.count, by: 1_500).enumerated() {
            let piece = Array(body[start..<min(body.count, start + 1_500)])
            unlimited.feed(piece, at: UInt64(i) * 1_000)
            budgeted.feed(piece, at: UInt64(i) * 1_000)
            if i == 3 { early = budgeted.snapshot().events }
            #expect(budgeted.log.retainedRawBytes <= 8 << 10)
        }
        unlimited.finish(at: 10_000_000)
        budgeted.finish(at: 10_000_000)
        let full = unlimited.snapshot()
        let bounded = budgeted.snapshot()

        // The accumulated result is unaffected.
        #expect(bounded.choices == full.choices)
        #expect(bounded.choices.first?.content.hasPrefix("w0 w1 w2 ") == true)
        #expect(bounded.metrics.chunkCount == full.metrics.chunkCount)
        // One info finding, CS110, and otherwise the same findings.
        let notes = bounded.diagnostics.filter { $0.code == "CS110" }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .info)
        #expect(notes.first?.message.contains("8 KiB") == true)
        #expect(bounded.diagnostics.filter { $0.code != "CS110" } == full.diagnostics)
        #expect(!full.diagnostics.contains { $0.code == "CS110" })
        #expect(budgeted.report().hasError == unlimited.report().hasError)

        // Same rows, same summaries; old ones released, the newest keep their JSON.
        let rows = Array(bounded.events).filter { $0.kind != .lint }
        let reference = Array(full.events).filter { $0.kind != .lint }
        #expect(rows.map(\.summary) == reference.map(\.summary))
        #expect(rows.map(\.sequence) == reference.map(\.sequence))
        #expect(rows.first?.rawDropped == true)
        #expect(rows.suffix(5).map(\.raw) == reference.suffix(5).map(\.raw))
        #expect(rows.suffix(5).allSatisfy { !$0.rawDropped })
        #expect(budgeted.log.releasedRawRows > 2_500)
        #expect(Array(bounded.events).filter { $0.kind == .lint && $0.summary.hasPrefix("CS110 info") }.count == 1)

        // A snapshot taken early reads the same rows, now with summaries in place of raw text.
        let before = Array(early!)
        #expect(!before.isEmpty)
        #expect(before.map(\.summary) == reference.prefix(before.count).map(\.summary))
        #expect(before.first?.rawDropped == true)
    }

    @Test("the default budget is 64 MiB; check-style pipelines can opt out of rows entirely")
    func defaults() {
        #expect(PipelineOptions().maxRetainedRawBytes == 64 << 20)
        #expect(StreamPipeline().log.rawBudget == 64 << 20)
        var p = StreamPipeline(options: PipelineOptions(recordsInspectorRows: false, maxRetainedRawBytes: 1))
        p.feed(Self.stream(100), at: 0)
        p.finish(at: 0)
        #expect(p.log.count == 0)
        #expect(p.report().diagnostics.isEmpty)
    }
}
