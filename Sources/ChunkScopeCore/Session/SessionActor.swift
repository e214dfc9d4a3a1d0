// Session — how it fits: the `SessionActor` owns one stream's `StreamPipeline`. A byte source
// (transport, replay, test) hands it an async sequence of `StreamInput`; the actor stamps each
// input with its `StreamClock` (at arrival, for bytes the source timed), runs the pipeline, and
// publishes coalesced `SessionSnapshot`s on `updates` for the screen: at most one per frame
// interval, the newest only (a snapshot subsumes every earlier one, so merging loses nothing),
// and always a final one when the stream ends.

/// Runs one stream and publishes coalesced snapshots of it.
public actor SessionActor {
    /// Coalesced snapshots: at most one per frame interval, latest wins, final one always delivered.
    /// The stream finishes after the final snapshot.
    public nonisolated let updates: AsyncStream<SessionSnapshot>

    private let continuation: AsyncStream<SessionSnapshot>.Continuation
    private let clock: any StreamClock
    private let frameInterval: Duration
    private var pipeline: StreamPipeline
    private var lastPublished: ContinuousClock.Instant?
    private var publishedVersion: UInt64?
    private var flushScheduled = false
    private var ended = false

    /// Creates a session; `frameInterval` bounds how often `updates` yields.
    public init(options: PipelineOptions = .init(), clock: any StreamClock = SystemStreamClock(),
                frameInterval: Duration = .milliseconds(16)) {
        (updates, continuation) = AsyncStream.makeStream(of: SessionSnapshot.self, bufferingPolicy: .bufferingNewest(1))
        self.clock = clock
        self.frameInterval = frameInterval
        pipeline = StreamPipeline(options: options)
    }

    /// Consumes `inputs` until the sequence ends (or the session is cancelled), then finishes the
    /// stream and delivers the final snapshot.
    /// Cancelling the task that runs this counts as `cancel()`.
    public func run<S: AsyncSequence & Sendable>(_ inputs: S) async where S.Element == StreamInput {
        guard !ended else { return }
        do {
            for try await input in inputs {
                if ended { break }
                pipeline.handle(input, at: input.arrival(onClockReading: clock.now()))
                publishIfDue()
            }
        } catch {
            if !ended {
                pipeline.handle(.failed(StreamFailure(.transport, "input sequence failed: \(error)")), at: clock.now())
            }
        }
        if Task.isCancelled && !ended { pipeline.cancel(at: clock.now()) }
        end()
    }

    /// Stops the session: the state becomes `.cancelled`, everything received is kept, and the final
    /// snapshot is published. Inputs arriving afterwards are ignored.
    public func cancel() {
        guard !ended else { return }
        pipeline.cancel(at: clock.now())
        end()
    }

    /// The current state (not coalesced).
    public func snapshot() -> SessionSnapshot {
        pipeline.snapshot()
    }

    private func end() {
        guard !ended else { return }
        ended = true
        pipeline.finish(at: clock.now())
        continuation.yield(pipeline.snapshot())
        continuation.finish()
    }

    /// Publishes now if a frame interval has passed since the last publication; otherwise makes
    /// sure one trailing publication happens when it has.
    private func publishIfDue() {
        let now = ContinuousClock.now
        if let last = lastPublished, now - last < frameInterval {
            scheduleFlush(at: last + frameInterval)
            return
        }
        publish(now)
    }

    private func publish(_ now: ContinuousClock.Instant) {
        let snapshot = pipeline.snapshot()
        guard snapshot.version != publishedVersion else { return }
        publishedVersion = snapshot.version
        lastPublished = now
        continuation.yield(snapshot)
    }

    private func scheduleFlush(at deadline: ContinuousClock.Instant) {
        guard !flushScheduled else { return }
        flushScheduled = true
        Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.flush()
        }
    }

    private func flush() {
        flushScheduled = false
        guard !ended else { return }
        publish(ContinuousClock.now)
    }
}
