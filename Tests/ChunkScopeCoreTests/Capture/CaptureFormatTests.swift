import ChunkScopeCore
import PropertyBased
import Testing

@Suite("Capture format")
struct CaptureFormatTests {
    static let body = Array(("data: {\"a\":1}\n\n: keep-alive\n\ndata: {\"b\":\"é\"}\r\n\r\ndata: x\rdata: y\r\rdata: [DONE]\n\n"
        + "data: partial line without end").utf8) + [0xFF, 0xFE]

    /// A stream of inputs with the body cut at `cuts` and times 1 ms apart.
    static func inputs(body: [UInt8], cuts: [Int]) -> [Capture.TimedInput] {
        var result: [Capture.TimedInput] = [
            .init(offset: 0, input: .request(RequestSummary(url: "http://h/v1/chat/completions",
                                                            headers: [HTTPHeader("Authorization", "[REDACTED]")],
                                                            body: "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"line1\\nline2 \\\\ back\"}]}"))),
            .init(offset: 150_000_000, input: .response(ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream")]))),
        ]
        var start = 0
        var t: UInt64 = 151_000_000
        for cut in cuts.sorted() + [body.count] where cut > start && cut <= body.count {
            result.append(.init(offset: t, input: .bytes(Array(body[start..<cut]))))
            start = cut
            t += 1_000_000
        }
        result.append(.init(offset: t, input: .note("retrying in 2 s\nafter 429")))
        result.append(.init(offset: t + 1_000, input: .failed(StreamFailure(.stalled, "No data for 5 s"))))
        return result
    }

    static func write(_ inputs: [Capture.TimedInput], endAt end: UInt64? = nil) -> [UInt8] {
        var writer = CaptureWriter(notes: ["test capture"])
        var out: [UInt8] = []
        for timed in inputs { out += writer.record(timed.input, at: 1_000_000_000 + timed.offset) }
        if let end { out += writer.finish(at: 1_000_000_000 + end) }
        return out
    }

    @Test("round trip keeps every input, byte split and time (µs precision)")
    func roundTrip() throws {
        let original = Self.inputs(body: Self.body, cuts: [3, 10, 17, 40, 41, 60, 75, 76, 90])
        let bytes = Self.write(original, endAt: 999_000_000)
        let capture = try CaptureReader.read(bytes)
        #expect(capture.isComplete)
        #expect(capture.hasTiming)
        #expect(capture.inputs == original)
        #expect(capture.bodyBytes == Self.body)
    }

    @Test("record times never go backwards; a read stamped on arrival is stored as plain bytes")
    func monotonicRecords() throws {
        var writer = CaptureWriter()
        var out = writer.record(.request(RequestSummary(url: "http://h/v1/chat/completions")), at: 10_000_000)
        out += writer.record(.response(ResponseHead(status: 200)), at: 14_000_000)
        // Stamped when it arrived, before the response was handled.
        out += writer.record(.bytesReceived(Array("data: {}\n\n".utf8), at: .now), at: 12_000_000)
        out += writer.record(.bytes(Array("data: [DONE]\n\n".utf8)), at: 20_000_000)
        out += writer.finish(at: 19_000_000)
        let capture = try CaptureReader.read(out)
        #expect(capture.inputs.map(\.offset) == [0, 4_000_000, 4_000_000, 10_000_000])
        #expect(capture.inputs[2].input == .bytes(Array("data: {}\n\n".utf8)))
        #expect(capture.isComplete)
    }

    @Test("property: any split of any body round-trips exactly")
    func anySplit() async {
        await propertyCheck(input: Gen.int(in: 0...255).array(of: 0...300), Gen.int(in: 0...300).array(of: 0...20)) { raw, cuts in
            // Bias towards SSE-significant bytes so CR/LF/':' boundaries are common.
            let alphabet: [UInt8] = [0x0A, 0x0D, 0x3A, 0x64, 0x20, 0xC3, 0xA9, 0x00, 0x7B]
            let body = raw.map { $0 < 128 ? alphabet[Int($0) % alphabet.count] : UInt8($0) }
            let original = Self.inputs(body: body, cuts: cuts)
            let capture = try? CaptureReader.read(Self.write(original, endAt: 5_000_000_000))
            #expect(capture?.inputs == original)
        }
    }

    @Test("a plain SSE reader sees exactly the original messages")
    func plainSSECompatible() throws {
        let original = Self.inputs(body: Self.body, cuts: [5, 19, 33, 58])
        let capture = Self.write(original, endAt: 10)
        func messages(_ bytes: [UInt8]) -> [SSEMessage] {
            var decoder = SSEDecoder()
            return (decoder.feed(bytes) + decoder.finish()).compactMap {
                if case .message(var m) = $0 { m.byteCount = 0; return m } else { return nil }
            }
        }
        let fromCapture = messages(capture)
        let fromBody = messages(Self.body)
        // The body ends with a partial line; a plain reader of the capture gets it terminated by the
        // record that follows, which never turns it into a dispatched message.
        #expect(fromCapture == fromBody)
        #expect(!fromCapture.isEmpty)
    }

    @Test("records only sit between complete lines while writing")
    func recordsBetweenLines() {
        var writer = CaptureWriter()
        var out = writer.record(.bytes(Array("data: hel".utf8)), at: 1_000_000)
        #expect(!out.contains(UInt8(ascii: "d")), "a partial line is held back")
        out += writer.record(.bytes(Array("lo\n\ndata: wor".utf8)), at: 2_500_000)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasSuffix(":@ bytes 13 reads=0.000+9,1.500+13\ndata: hello\n\n"))
    }

    @Test("a capture cut off mid-write still reads, marked incomplete")
    func truncated() throws {
        let original = Self.inputs(body: Self.body, cuts: [10, 30])
        let bytes = Self.write(Array(original.prefix(4)))
        let capture = try CaptureReader.read(Array(bytes.dropLast(5)))
        #expect(!capture.isComplete)
        #expect(capture.request != nil)
    }

    @Test("a plain .sse file reads as one input per event, 25 ms apart")
    func plainFile() throws {
        let capture = try CaptureReader.read(Array("data: a\n\ndata: b\r\n\r\n: c\n\ndata: tail".utf8))
        #expect(!capture.hasTiming)
        #expect(capture.inputs.map(\.input) == [.bytes(Array("data: a\n\n".utf8)), .bytes(Array("data: b\r\n\r\n".utf8)),
                                                .bytes(Array(": c\n\n".utf8)), .bytes(Array("data: tail".utf8))])
        #expect(capture.inputs.map(\.offset) == [0, 25_000_000, 50_000_000, 75_000_000])
    }

    @Test("damaged captures name the line", arguments: [
        (": chunkscope-capture v1\n:@ t=abc response 200\n", 2, "valid t= time"),
        (": chunkscope-capture v1\n:@ t=1.000 response-header a: b\n", 2, "without a response record"),
        (": chunkscope-capture v1\n:@ t=1.000 response 200\ndata: stray\n", 3, "outside a ':@ bytes' record"),
        (": chunkscope-capture v1\n:@ bytes 3 reads=1.0+x\nabc", 2, "bad read"),
    ])
    func damaged(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try CaptureReader.read(Array(text.utf8))
            Issue.record("no error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("replay speed parsing", arguments: [("1", ReplaySpeed.factor(1)), ("2.5", .factor(2.5)), ("4x", .factor(4)), ("max", .max), ("MAX", .max)])
    func speeds(_ text: String, _ speed: ReplaySpeed) {
        #expect(ReplaySpeed(text) == speed)
    }

    @Test("invalid replay speeds are rejected", arguments: ["0", "-1", "fast", "", "inf"])
    func badSpeeds(_ text: String) {
        #expect(ReplaySpeed(text) == nil)
    }
}

@Suite("Capture replay timing", .timeLimit(.minutes(1)))
struct CaptureReplayTests {
    static let capture = Capture(inputs: (0..<5).map { .init(offset: UInt64($0) * 100_000_000, input: .bytes([UInt8($0)])) },
                                 isComplete: true, hasTiming: true)

    @Test("original timing is kept, scaled by speed")
    func timing() async {
        // Lower bounds prove the waiting; upper bounds far below the unscaled duration prove the
        // scaling, with room for a busy test run (the whole suite shares two cores).
        let long = Capture(inputs: (0..<5).map { .init(offset: UInt64($0) * 2_500_000_000, input: .bytes([UInt8($0)])) },
                           isComplete: true, hasTiming: true)
        for (speed, minimum, maximum) in [(ReplaySpeed.factor(100), 0.1, 5.0), (.max, 0.0, 5.0)] {
            let start = ContinuousClock.now
            var received: [StreamInput] = []
            for await input in CaptureReplay.stream(long, speed: speed) { received.append(input) }
            let elapsed = ContinuousClock.now - start
            #expect(received == long.inputs.map(\.input))
            #expect(elapsed >= .milliseconds(Int(minimum * 1000)), "\(speed): \(elapsed)")
            #expect(elapsed < .milliseconds(Int(maximum * 1000)), "\(speed): \(elapsed) (unscaled: 10 s)")
        }
        let start = ContinuousClock.now
        for await _ in CaptureReplay.stream(Self.capture, speed: .factor(2)) {}
        #expect(ContinuousClock.now - start >= .milliseconds(200), "0.4 s of capture at ×2 takes at least 0.2 s")
    }

    @Test("stopping the consumer stops the replay")
    func cancel() async {
        let slow = Capture(inputs: [.init(offset: 0, input: .note("a")), .init(offset: 60_000_000_000, input: .note("b"))],
                           isComplete: true, hasTiming: true)
        let (started, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            var count = 0
            for await _ in CaptureReplay.stream(slow) {
                count += 1
                signal.yield()
            }
            return count
        }
        for await _ in started { break }
        let start = ContinuousClock.now
        task.cancel()
        #expect(await task.value == 1)
        #expect(ContinuousClock.now - start < .seconds(5), "the 60 s wait must be abandoned")
    }

    @Test("stop ends a replay like a cancelled transfer")
    func stop() async {
        let slow = Capture(inputs: [.init(offset: 0, input: .bytes([1])), .init(offset: 60_000_000_000, input: .bytes([2]))],
                           isComplete: true, hasTiming: true)
        let (inputs, stop) = CaptureReplay.start(slow)
        var received: [StreamInput] = []
        for await input in inputs {
            received.append(input)
            if received.count == 1 { stop() }
        }
        #expect(received == [.bytes([1]), .failed(StreamFailure(.cancelled, "Replay stopped"))])
    }

    @Test("the recorded request's usage flag is available")
    func requestFacts() {
        let body = #"{"model":"gpt-x","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}],"stream":true,"stream_options":{"include_usage":true}}"#
        let capture = Capture(inputs: [.init(offset: 0, input: .request(RequestSummary(url: "u", body: body)))], isComplete: true, hasTiming: true)
        #expect(capture.requestedUsage)
    }
}
