import Testing
@testable import ChunkScopeCore

@Suite("StreamPipeline")
struct StreamPipelineTests {
    static let role = #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#
    static func content(_ text: String) -> String {
        #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"\#(text)"},"finish_reason":null}]}"#
    }
    static let stop = #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#
    static let usage = #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":15,"completion_tokens":42,"total_tokens":57}}"#

    private func bytes(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n\n" }.joined().utf8) }

    @Test("inspector rows: sequence, kind, time, gap and one-line summaries")
    func inspectorRows() {
        var p = StreamPipeline()
        p.handle(.request(RequestSummary(url: "http://x/v1/chat/completions")), at: 1_000)
        p.handle(.response(ResponseHead(status: 200, headers: [HTTPHeader("Content-Type", "text/event-stream")])), at: 2_000)
        p.feed(bytes([Self.role]), at: 3_000)
        p.feed(Array(": keep-alive\n\n".utf8), at: 4_000)
        p.feed(bytes([Self.content("Hel\\n\\u001b[31m")]), at: 6_000)
        p.feed(bytes([Self.stop, Self.usage, "data: [DONE]"]), at: 10_000)
        p.finish(at: 11_000)
        let rows = Array(p.snapshot().events)
        #expect(rows.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(rows.map(\.kind) == [.data, .comment, .data, .data, .data, .done])
        #expect(rows.map(\.summary) == [
            "role assistant", ": keep-alive", #"delta.content "Hel\n\u{1b}[31m""#,
            "finish stop", "usage 15/42", "[DONE]",
        ])
        #expect(rows.map(\.time) == [2_000, 3_000, 5_000, 9_000, 9_000, 9_000])
        #expect(rows.map(\.gap) == [2_000, 1_000, 2_000, 4_000, 0, 0])
        #expect(rows[0].raw.hasPrefix(#"{"id":"c""#))
        let snap = p.snapshot()
        #expect(snap.state == .finished)
        #expect(snap.choices.first?.content == "Hel\n\u{1b}[31m")
        #expect(snap.diagnostics.isEmpty)
        #expect(snap.metrics.timeToFirstByte == 1_000)
        #expect(snap.metrics.completionTokens == 42)
        #expect(snap.metrics.tokensAreExact)
    }

    @Test("a stamp earlier than one already handled counts as that one: times never go backwards")
    func monotonicTimes() {
        var p = StreamPipeline()
        // The request is stamped when handled (late); the bytes on arrival (earlier).
        p.handle(.request(RequestSummary(url: "http://x/v1/chat/completions")), at: 5_000)
        p.handle(.response(ResponseHead(status: 200, headers: [HTTPHeader("Content-Type", "text/event-stream")])), at: 4_000)
        p.feed(bytes([Self.role]), at: 3_000)
        p.feed(bytes([Self.content("Hi")]), at: 8_000)
        p.finish(at: 7_000)
        let snap = p.snapshot()
        #expect(snap.metrics.timeToFirstByte == 0)
        #expect(snap.metrics.timeToFirstChunk == 0)
        #expect(snap.metrics.timeToFirstContent == 3_000)
        #expect(snap.metrics.elapsed == 3_000)
        #expect(Array(snap.events).filter { $0.kind == .data }.map(\.time) == [0, 3_000])
    }

    @Test("body bytes and their arrival: .bytes is timed on handling, .bytesReceived moved back")
    func inputArrival() {
        let plain = StreamInput.bytes([1, 2])
        #expect(plain.bodyBytes == [1, 2])
        #expect(plain.arrival(onClockReading: 1_000_000_000) == 1_000_000_000)
        let received = StreamInput.bytesReceived([3], at: .now - .milliseconds(300))
        #expect(received.bodyBytes == [3])
        let ago = 1_000_000_000 - received.arrival(onClockReading: 1_000_000_000)
        #expect(ago >= 300_000_000 && ago < 2_000_000_000, "moved back \(ago) ns")
        #expect(received.arrival(onClockReading: 1_000) == 0, "never before the clock's zero")
        #expect(StreamInput.bytesReceived([4], at: .now + .seconds(5)).arrival(onClockReading: 77) == 77)
        #expect(StreamInput.note("n").bodyBytes == nil)
    }

    @Test("tool-call and n>1 summaries name the index")
    func toolSummaries() {
        var p = StreamPipeline()
        p.feed(bytes([
            #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]}}]}"#,
            #"data: {"object":"chat.completion.chunk","choices":[{"index":1,"delta":{"content":"B"}},{"index":0,"delta":{"content":"A"}}]}"#,
        ]), at: 0)
        let rows = Array(p.snapshot().events).filter { $0.kind == .data }
        #expect(rows.map(\.summary) == [
            "tool_calls[1] get_weather, tool_calls[1].arguments +8B",
            #"[1] delta.content "B", [0] delta.content "A""#,
        ])
    }

    @Test("lint rows follow the event they concern, with its sequence number")
    func lintRows() {
        var p = StreamPipeline()
        p.feed(bytes([Self.role, "data: {not json", Self.stop]), at: 0)
        p.finish(at: 0)
        let rows = Array(p.snapshot().events)
        #expect(rows.map(\.kind) == [.data, .invalid, .lint, .data, .lint])
        #expect(rows[2].sequence == 2)
        #expect(rows[2].summary.hasPrefix("CS201 error: not JSON at byte 1"))
        #expect(rows[4].summary.hasPrefix("CS105 warning"))
    }

    @Test("an HTTP error status shows the body and its error message")
    func httpError() {
        var p = StreamPipeline()
        p.handle(.response(ResponseHead(status: 401, headers: [HTTPHeader("content-type", "application/json")])), at: 0)
        p.feed(Array(#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#.utf8), at: 5)
        p.finish(at: 6)
        let snap = p.snapshot()
        #expect(snap.diagnostics.map(\.code) == ["CS101", "CS202"])
        #expect(snap.diagnostics[1].message == "Incorrect API key provided")
        #expect(snap.events.first?.kind == .error)
        #expect(snap.events.first?.summary == "error: Incorrect API key provided")
    }

    @Test("an HTTP error status with an event-stream body is decoded as events")
    func httpErrorAsSSE() {
        var p = StreamPipeline()
        p.handle(.response(ResponseHead(status: 500, headers: [HTTPHeader("content-type", "text/event-stream")])), at: 0)
        p.feed(Array("data: {\"error\":{\"message\":\"overloaded\"}}\n\n".utf8), at: 1)
        p.finish(at: 2)
        let snap = p.snapshot()
        #expect(snap.diagnostics.map(\.code) == ["CS101", "CS202"])
        #expect(snap.events.first?.summary == "error: overloaded")
    }

    @Test("a 200 with the wrong content type is flagged but still decoded as SSE")
    func wrongContentType() {
        var p = StreamPipeline()
        p.handle(.response(ResponseHead(status: 200, headers: [HTTPHeader("Content-Type", "text/plain")])), at: 0)
        p.feed(bytes([Self.role, Self.content("x"), Self.stop, "data: [DONE]"]), at: 0)
        p.finish(at: 0)
        #expect(p.snapshot().diagnostics.map(\.code) == ["CS102"])
        #expect(p.snapshot().choices.first?.content == "x")
    }

    @Test("a transport failure keeps partial content and marks the state failed")
    func failure() {
        var p = StreamPipeline()
        p.feed(bytes([Self.role, Self.content("partial")]), at: 0)
        p.handle(.failed(StreamFailure(.stalled, "no data for 30 s")), at: 1)
        p.finish(at: 2)
        let snap = p.snapshot()
        #expect(snap.state == .failed(StreamFailure(.stalled, "no data for 30 s")))
        #expect(snap.choices.first?.content == "partial")
        #expect(snap.diagnostics.map(\.code) == ["CS107", "CS302"])
    }

    @Test("cancel keeps what arrived and raises no provider findings")
    func cancel() {
        var p = StreamPipeline()
        p.feed(bytes([Self.role, Self.content("so far")]), at: 0)
        p.cancel(at: 1)
        p.feed(bytes([Self.content(" ignored")]), at: 2)
        let snap = p.snapshot()
        #expect(snap.state == .cancelled)
        #expect(snap.choices.first?.content == "so far")
        #expect(snap.diagnostics.isEmpty)
    }

    @Test("a cancelled stream still decides tool-call statuses, without findings")
    func cancelledToolCall() {
        var p = StreamPipeline()
        p.feed(bytes([#"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"a","type":"function","function":{"name":"f","arguments":"{\"x\":"}}]}}]}"#]), at: 0)
        p.cancel(at: 1)
        let call = p.snapshot().choices.first?.toolCalls.first
        #expect(call?.status == .invalid(byteOffset: 5))
        #expect(p.snapshot().diagnostics.isEmpty)
    }

    @Test("usage requested but absent; too-long line; named event; retry")
    func streamFindings() {
        var p = StreamPipeline(options: PipelineOptions(includeUsageRequested: true, maxLineBytes: 64))
        p.feed(Array("retry: 1500\n\n".utf8), at: 0)
        p.feed(Array(("data: " + String(repeating: "x", count: 100) + "\n\n").utf8), at: 0)
        p.feed(Array("event: ping\ndata: [DONE]\n\n".utf8), at: 0)
        p.finish(at: 0)
        let snap = p.snapshot()
        #expect(snap.events.first?.summary == "retry: 1500 ms")
        #expect(snap.diagnostics.map(\.code) == ["CS103", "CS109", "CS108", "CS501"])
    }

    @Test("stream-wide field changes and wrong object are reported once")
    func fieldChanges() {
        var p = StreamPipeline()
        p.feed(bytes([
            #"data: {"id":"a","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"x"}}]}"#,
            #"data: {"id":"b","object":"chat.completion","created":2,"model":"m2","choices":[{"index":0,"delta":{"content":"y"}}]}"#,
            #"data: {"id":"c","object":"chat.completion","created":3,"model":"m3","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#,
            "data: [DONE]",
        ]), at: 0)
        p.finish(at: 0)
        #expect(p.snapshot().diagnostics.map(\.code) == ["CS203", "CS205", "CS206", "CS207"])
        #expect(p.snapshot().diagnostics.map(\.event) == [1, 2, 2, 2])
    }

    @Test("findings of one code are capped so a faulty provider cannot flood memory")
    func findingCap() {
        var p = StreamPipeline()
        p.feed(bytes(Array(repeating: "data: nope", count: 100)), at: 0)
        p.finish(at: 0)
        let notJSON = p.snapshot().diagnostics.filter { $0.code == "CS201" }
        #expect(notJSON.count == DiagnosticLog.limitPerCode)
    }

    @Test("the summary preview is capped and escapes control characters")
    func preview() {
        var out = ""
        EventSummary.appendPreview("a\u{7}b\t\"" + String(repeating: "z", count: 40), to: &out)
        #expect(out == #"a\u{7}b\t\"zzzzzzzzzzzzzzzzzzz…"#)
    }
}
