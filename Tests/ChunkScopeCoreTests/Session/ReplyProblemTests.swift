import Testing
@testable import ChunkScopeCore

/// Honest status (issue 8 item 7): a stream that ended normally but without a usable reply, or
/// with an error payload, says so instead of passing for done.
@Suite("Reply problem")
struct ReplyProblemTests {
    private static let eventStream = ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream")])

    static func chunk(_ delta: String, finish: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(reason)}]}\n\n"
    }

    /// The snapshot after a 200 event-stream response with `body`, finished normally.
    static func finished(_ body: [UInt8], options: PipelineOptions = PipelineOptions(),
                         head: ResponseHead = eventStream) -> SessionSnapshot {
        var pipeline = StreamPipeline(options: options)
        pipeline.handle(.response(head), at: 0)
        if !body.isEmpty { pipeline.feed(body, at: 1) }
        pipeline.finish(at: 2)
        return pipeline.snapshot()
    }

    @Test("a usable reply has no problem; neither has a stream still running")
    func usable() {
        let ok = Self.finished(Array((Self.chunk(#"{"role":"assistant","content":"Hi"}"#, finish: "stop") + "data: [DONE]\n\n").utf8))
        #expect(ok.state == .finished)
        #expect(ok.replyProblem == nil)
        var pipeline = StreamPipeline()
        pipeline.feed(Array(#"data: {"error":{"message":"overloaded"}}"#.utf8 + [0x0A, 0x0A]), at: 0)
        #expect(pipeline.snapshot().replyProblem == nil, "only a finished stream is judged")
    }

    @Test("a mid-stream error payload after some text: provider error with its message")
    func midstreamError() {
        let body = Self.chunk(#"{"role":"assistant","content":"Partial"}"#)
            + "data: {\"error\":{\"message\":\"The server had an error while processing your request\",\"type\":\"server_error\"}}\n\n"
        let snapshot = Self.finished(Array(body.utf8))
        #expect(snapshot.replyProblem == ReplyProblem(title: "provider error", detail: "The server had an error while processing your request"))
    }

    @Test("an empty 200 body: no reply")
    func emptyBody() {
        let snapshot = Self.finished([])
        #expect(snapshot.replyProblem?.title == "no reply")
        #expect(snapshot.replyProblem?.detail == "the body held no SSE data event")
    }

    @Test("a gzip body nobody asked for: CS111 and a gzip-body problem, whatever the split")
    func gzipBody() {
        // The first bytes of `printf 'data: x' | gzip`: magic 1f 8b, deflate, then binary.
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x49, 0x2C, 0x49, 0xB4, 0x52, 0xA8, 0x00, 0x00]
        let head = ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream"), HTTPHeader("content-encoding", "gzip")])
        let whole = Self.finished(gzip, head: head)
        #expect(whole.diagnostics.map(\.code).first == "CS111")
        #expect(whole.diagnostics.first?.message.contains("Content-Encoding: gzip") == true)
        #expect(whole.replyProblem?.title == "gzip body")
        var split = StreamPipeline()
        split.handle(.response(head), at: 0)
        split.feed([0x1F], at: 1)
        split.feed(Array(gzip.dropFirst()), at: 1)
        split.finish(at: 2)
        #expect(split.snapshot().diagnostics.map(\.code).first == "CS111")
        // A body that merely contains 1f 8b later is not gzip.
        let late = Self.finished(Array(Self.chunk(#"{"role":"assistant","content":"a\u001f\u008b"}"#, finish: "stop").utf8))
        #expect(!late.diagnostics.map(\.code).contains("CS111"))
    }

    @Test("a discarded over-long line: line discarded, even when other chunks arrived")
    func lineTooLong() {
        let long = Self.chunk(#"{"content":""# + String(repeating: "x", count: 300) + #""}"#)
        let body = Self.chunk(#"{"role":"assistant","content":"Start"}"#) + long + Self.chunk("{}", finish: "stop") + "data: [DONE]\n\n"
        let snapshot = Self.finished(Array(body.utf8), options: PipelineOptions(maxLineBytes: 200))
        #expect(snapshot.replyProblem?.title == "line discarded")
        #expect(snapshot.replyProblem?.detail.contains("exceeds the 200-byte bound") == true)
    }

    @Test("chunks without any text or tool call: no reply")
    func nothingInTheChoices() {
        let body = Self.chunk(#"{"role":"assistant","content":""}"#) + Self.chunk("{}", finish: "stop") + "data: [DONE]\n\n"
        let snapshot = Self.finished(Array(body.utf8))
        #expect(snapshot.replyProblem == ReplyProblem(title: "no reply", detail: "the stream ended without any text or tool call"))
        let report = CheckReport.check(body: Array(body.utf8))
        #expect(report.replyProblem == snapshot.replyProblem)
    }
}
