/// How a transfer behaves: timeouts, retries and how body bytes are handed over.
public struct TransportOptions: Sendable, Equatable {
    /// Seconds allowed to establish the connection (TCP + TLS).
    public var connectTimeout: Double
    /// Seconds allowed without receiving any byte (headers or body) once the request is sent.
    public var idleTimeout: Double
    /// How many times to retry a 429 or 503 that arrives before any body byte (0 = never).
    public var maxRetries: Int
    /// The longest wait before a retry; a longer `retry-after` ends the stream instead.
    public var maxRetryDelay: Double
    /// The first backoff when the server gives no `retry-after` (doubles each retry).
    public var initialBackoff: Double
    /// Seconds within which body reads after a hand-over are held and handed over together, each
    /// stamped with its own arrival time (`.bytesReceived`). A read after a longer quiet spell goes
    /// at once, so this only batches a dense stream: its consumer wakes once per batch instead of
    /// once per read. 0 hands every read over as it arrives; at most 1.
    public var handoverInterval: Double

    /// Creates options; by default 10 s connect, 120 s idle, no retries, 20 ms hand-overs.
    public init(connectTimeout: Double = 10, idleTimeout: Double = 120, maxRetries: Int = 0,
                maxRetryDelay: Double = 30, initialBackoff: Double = 1, handoverInterval: Double = 0.02) {
        self.connectTimeout = Self.clamped(connectTimeout)
        self.idleTimeout = Self.clamped(idleTimeout)
        self.maxRetries = max(0, maxRetries)
        self.maxRetryDelay = Self.clamped(maxRetryDelay)
        self.initialBackoff = Self.clamped(initialBackoff)
        self.handoverInterval = handoverInterval.isFinite ? min(max(handoverInterval, 0), 1) : 0
    }

    /// The longest timeout honoured (a week); longer or invalid values are cut to a sane range.
    static let longestSeconds = 7 * 24 * 3600.0

    private static func clamped(_ seconds: Double) -> Double {
        guard seconds.isFinite else { return seconds.isNaN ? 1 : longestSeconds }
        return min(max(seconds, 0.001), longestSeconds)
    }
}
