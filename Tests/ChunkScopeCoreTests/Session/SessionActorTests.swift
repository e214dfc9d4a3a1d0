import Testing
@testable import ChunkScopeCore

@Suite("SessionActor", .timeLimit(.minutes(1)))
struct SessionActorTests {
    static func chunk(_ text: String, role: Bool = false, finish: String? = nil) -> StreamInput {
        let delta = role ? #"{"role":"assistant","content":"\#(text)"}"# : #"{"content":"\#(text)"}"#
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return .bytes(Array(#"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(reason)}]}"#.utf8) + [10, 10])
    }

    /// An input sequence that advances a manual clock before handing out each element.
    struct TimedInputs: AsyncSequence, Sendable {
        let inputs: [StreamInput]
        let clock: ManualStreamClock
        let step: UInt64
        struct Iterator: AsyncIteratorProtocol {
            var remaining: ArraySlice<StreamInput>
            let clock: ManualStreamClock
            let step: UInt64
            mutating func next() async -> StreamInput? {
                guard let first = remaining.popFirst() else { return nil }
                clock.advance(by: step)
                return first
            }
        }
        func makeAsyncIterator() -> Iterator { Iterator(remaining: inputs[...], clock: clock, step: step) }
    }

    @Test("a firehose is coalesced: few updates, increasing versions, a complete final snapshot")
    func firehose() async {
        let session = SessionActor(frameInterval: .milliseconds(20))
        let count = 20_000
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let consumer = Task {
            var versions: [UInt64] = []
            var last: SessionSnapshot?
            for await snapshot in session.updates {
                versions.append(snapshot.version)
                last = snapshot
                try? await Task.sleep(for: .milliseconds(5))   // a slow screen
            }
            return (versions, last)
        }
        let runner = Task { await session.run(inputs) }
        feed.yield(Self.chunk("", role: true))
        for _ in 0..<count { feed.yield(Self.chunk("x")) }
        feed.yield(Self.chunk("", finish: "stop"))
        feed.yield(.bytes(Array("data: [DONE]\n\n".utf8)))
        feed.finish()
        await runner.value
        let (versions, last) = await consumer.value
        #expect(versions.count < count / 10, "updates must merge, got \(versions.count)")
        #expect(zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
        #expect(last?.state == .finished)
        #expect(last?.choices.first?.content.count == count)
        #expect(last?.choices.first?.finishReason == "stop")
        #expect(last?.metrics.chunkCount == count + 3)
    }

    @Test("at most one update per frame interval (plus the final one)")
    func throttle() async {
        let session = SessionActor(frameInterval: .milliseconds(40))
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let consumer = Task {
            var count = 0
            for await _ in session.updates { count += 1 }
            return count
        }
        let started = ContinuousClock.now
        let runner = Task { await session.run(inputs) }
        feed.yield(Self.chunk("", role: true))
        for _ in 0..<60 {
            feed.yield(Self.chunk("y"))
            try? await Task.sleep(for: .milliseconds(4))
        }
        feed.finish()
        await runner.value
        let elapsed = ContinuousClock.now - started
        let count = await consumer.value
        let bound = Int(elapsed / .milliseconds(40)) + 2
        #expect(count >= 2)
        #expect(count <= bound, "\(count) updates in \(elapsed) (bound \(bound))")
    }

    @Test("a trailing update arrives after a burst even if no more input comes")
    func trailingFlush() async throws {
        let session = SessionActor(frameInterval: .milliseconds(200))
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let runner = Task { await session.run(inputs) }
        var iterator = session.updates.makeAsyncIterator()
        feed.yield(Self.chunk("a", role: true))
        let first = await iterator.next()
        guard case .bytes(let b) = Self.chunk("b"), case .bytes(let c) = Self.chunk("c") else { return }
        feed.yield(.bytes(b + c))
        let second = await iterator.next()   // delivered by the trailing flush, stream still open
        #expect(first?.choices.first?.content == "a")
        #expect(second?.choices.first?.content == "abc")
        #expect(second?.state == .streaming)
        feed.finish()
        await runner.value
    }

    @Test("the injected clock makes metrics deterministic")
    func manualClock() async {
        let clock = ManualStreamClock()
        let session = SessionActor(clock: clock, frameInterval: .milliseconds(1))
        let inputs: [StreamInput] = [
            .request(RequestSummary(url: "http://127.0.0.1/v1/chat/completions")),
            .response(ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream")])),
            Self.chunk("", role: true), Self.chunk("Hi"), Self.chunk("", finish: "stop"),
            .bytes(Array("data: [DONE]\n\n".utf8)),
        ]
        await session.run(TimedInputs(inputs: inputs, clock: clock, step: 10_000_000))
        let snap = await session.snapshot()
        #expect(snap.metrics.timeToFirstByte == 10_000_000)
        #expect(snap.metrics.timeToFirstChunk == 20_000_000)
        #expect(snap.metrics.timeToFirstContent == 30_000_000)
        #expect(snap.metrics.elapsed == 50_000_000)
        #expect(snap.metrics.gapMax == 10_000_000)
        #expect(Array(snap.events).map(\.time) == [20_000_000, 30_000_000, 40_000_000, 50_000_000])
    }

    @Test("bytes the source stamped on arrival keep their timing when handed over together")
    func arrivalStamps() async throws {
        let session = SessionActor(frameInterval: .milliseconds(1))
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let runner = Task { await session.run(inputs) }
        feed.yield(.request(RequestSummary(url: "http://127.0.0.1/v1/chat/completions")))
        while await session.snapshot().state != .connecting { await Task.yield() }
        // Reads arriving after the request went out, handed over after the last of them.
        let base = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(120))
        // Three reads 40 ms apart, all handed over in one batch, long after they arrived.
        for (offset, chunk) in [Self.chunk("", role: true), Self.chunk("Hi"), Self.chunk("", finish: "stop")].enumerated() {
            guard case .bytes(let bytes) = chunk else { return }
            feed.yield(.bytesReceived(bytes, at: base + .milliseconds(40 * offset)))
        }
        feed.finish()
        await runner.value
        let events = Array(await session.snapshot().events).filter { $0.kind == .data }
        try #require(events.count == 3)
        let gaps = events.dropFirst().map { Double($0.gap) / 1e6 }
        // Timed by arrival (40 ms apart), not by hand-over (all at once); wide bounds for a busy machine.
        #expect(gaps.allSatisfy { $0 > 30 && $0 < 50 }, "gaps \(gaps) ms")
    }

    @Test("a failed input marks the session failed and keeps partial content")
    func failed() async {
        let session = SessionActor(frameInterval: .milliseconds(1))
        let inputs: [StreamInput] = [Self.chunk("par", role: true), Self.chunk("tial"), .failed(StreamFailure(.timeout, "timed out after 30 s"))]
        await session.run(TimedInputs(inputs: inputs, clock: ManualStreamClock(), step: 1))
        var last: SessionSnapshot?
        for await snapshot in session.updates { last = snapshot }
        #expect(last?.state == .failed(StreamFailure(.timeout, "timed out after 30 s")))
        #expect(last?.choices.first?.content == "partial")
    }

    @Test("cancel keeps state, marks cancelled and ends updates even while the source is silent")
    func cancel() async {
        let session = SessionActor(frameInterval: .milliseconds(1))
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let runner = Task { await session.run(inputs) }
        feed.yield(Self.chunk("kept", role: true))
        while await session.snapshot().choices.first?.content != "kept" { await Task.yield() }
        await session.cancel()
        var last: SessionSnapshot?
        for await snapshot in session.updates { last = snapshot }
        #expect(last?.state == .cancelled)
        #expect(last?.choices.first?.content == "kept")
        feed.yield(Self.chunk(" ignored"))
        feed.finish()
        await runner.value
        #expect(await session.snapshot().choices.first?.content == "kept")
    }

    @Test("cancelling the task that runs the session marks it cancelled")
    func taskCancellation() async {
        let session = SessionActor(frameInterval: .milliseconds(1))
        let (inputs, feed) = AsyncStream.makeStream(of: StreamInput.self)
        let runner = Task { await session.run(inputs) }
        feed.yield(Self.chunk("kept", role: true))
        while await session.snapshot().choices.first?.content != "kept" { await Task.yield() }
        runner.cancel()
        await runner.value
        #expect(await session.snapshot().state == .cancelled)
        #expect(await session.snapshot().choices.first?.content == "kept")
    }

    @Test("run after cancel returns at once")
    func runAfterCancel() async {
        let session = SessionActor()
        await session.cancel()
        let (inputs, _) = AsyncStream.makeStream(of: StreamInput.self)
        await session.run(inputs)   // would hang if it waited for the silent source
        #expect(await session.snapshot().state == .cancelled)
    }
}
