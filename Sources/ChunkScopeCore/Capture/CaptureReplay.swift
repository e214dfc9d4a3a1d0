/// How fast a capture is replayed.
public enum ReplaySpeed: Sendable, Equatable {
    /// Original timing divided by the factor (1 = real time, 2 = twice as fast).
    case factor(Double)
    /// No waiting at all.
    case max

    /// The slowest and fastest factors accepted (`max` is faster still).
    public static let factorRange: ClosedRange<Double> = 0.001...1000

    /// Parses `1`, `2.5`, `0.5x` (a factor within `factorRange`) or `max`.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "max" {
            self = .max
            return
        }
        let number = lower.hasSuffix("x") ? String(lower.dropLast()) : lower
        guard let factor = Double(number), Self.factorRange.contains(factor) else { return nil }
        self = .factor(factor)
    }
}

/// Plays a capture back as an `AsyncStream<StreamInput>` with its original timing, so the session
/// actor (and the dashboard) cannot tell it from a live transfer.
public enum CaptureReplay {
    /// The inputs of `capture`, each delivered at its recorded offset scaled by `speed`.
    /// Cancelling the consuming task stops the replay.
    public static func stream(_ capture: Capture, speed: ReplaySpeed = .factor(1)) -> AsyncStream<StreamInput> {
        deliver(capture, speed: speed) { $0.input }
    }

    /// Like `stream`, plus a `stop` that ends the replay at once the way a cancelled transfer
    /// ends: a final `.failed(.cancelled)` after the inputs delivered so far.
    public static func start(_ capture: Capture, speed: ReplaySpeed = .factor(1))
        -> (inputs: AsyncStream<StreamInput>, stop: @Sendable () -> Void)
    {
        let source = Self.stream(capture, speed: speed)
        let (output, continuation) = AsyncStream<StreamInput>.makeStream(bufferingPolicy: .unbounded)
        let task = Task {
            for await input in source { continuation.yield(input) }
            if Task.isCancelled { continuation.yield(.failed(StreamFailure(.cancelled, "Replay stopped"))) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return (output, { task.cancel() })
    }

    /// Like `stream`, but each input comes with its recorded offset, so a consumer can report the
    /// original timings whatever the playback speed.
    public static func timedStream(_ capture: Capture, speed: ReplaySpeed = .factor(1)) -> AsyncStream<Capture.TimedInput> {
        deliver(capture, speed: speed) { $0 }
    }

    /// How long after the start of the replay an input recorded at `offset` is due.
    static func delay(of offset: UInt64, factor: Double) -> Duration {
        // The reader caps offsets at `CaptureFormat.maxTime` and `ReplaySpeed` caps the factor, so
        // the quotient fits; the clamp keeps a hand-built `Capture` from trapping too.
        let nanos = Double(offset) / factor
        return nanos < 9.0e18 ? .nanoseconds(Int64(nanos)) : .nanoseconds(Int64(9.0e18))
    }

    private static func deliver<Element: Sendable>(_ capture: Capture, speed: ReplaySpeed,
                                                   _ transform: @escaping @Sendable (Capture.TimedInput) -> Element) -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream<Element>.makeStream(bufferingPolicy: .unbounded)
        let task = Task {
            let clock = ContinuousClock()
            let start = clock.now
            for timed in capture.inputs {
                if case .factor(let factor) = speed {
                    let target = start + delay(of: timed.offset, factor: factor)
                    if target > clock.now {
                        do {
                            try await Task.sleep(until: target, clock: clock)
                        } catch {
                            break
                        }
                    }
                }
                if Task.isCancelled { break }
                continuation.yield(transform(timed))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
