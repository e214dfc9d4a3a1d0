/// How fast the mock streams: tokens per second with random jitter, and a delay before the first token.
public struct MockPacing: Sendable, Equatable {
    /// Tokens (chunks) per second; nil uses each scenario's default (about 40 for chat), 0 means
    /// as fast as possible.
    public var tokensPerSecond: Double?
    /// Random variation of each gap, as a fraction (0.35 = ±35 %).
    public var jitter: Double
    /// Seconds before the first chunk (a realistic time to first token).
    public var firstTokenDelay: Double

    /// Creates a pacing.
    public init(tokensPerSecond: Double? = nil, jitter: Double = 0.35, firstTokenDelay: Double = 0.25) {
        self.tokensPerSecond = tokensPerSecond
        self.jitter = max(0, min(1, jitter))
        self.firstTokenDelay = max(0, firstTokenDelay)
    }

    /// Lively defaults for people watching: ~40 tokens/s, ±35 % jitter, 250 ms to the first token.
    public static let lively = MockPacing()
    /// No delays at all (tests, benchmarks).
    public static let instant = MockPacing(tokensPerSecond: 0, jitter: 0, firstTokenDelay: 0)

    /// The gap before the next paced frame, in seconds, at `rate` tokens per second.
    func gap(rate: Double) -> Double {
        guard rate > 0 else { return 0 }
        let base = 1 / rate
        return max(0, base * (1 + jitter * Double.random(in: -1...1)))
    }
}
