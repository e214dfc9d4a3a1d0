/// Timing and throughput figures for one stream. Times are nanoseconds since the request started,
/// taken from the session's injectable clock.
public struct StreamMetrics: Sendable, Equatable {
    public var timeToFirstByte: UInt64?
    public var timeToFirstChunk: UInt64?
    public var timeToFirstContent: UInt64?
    /// Time of the last event so far (the stream's duration once it ended).
    public var elapsed: UInt64
    public var chunkCount: Int
    public var byteCount: Int
    /// Completion tokens: estimated from deltas while streaming, exact once usage arrives.
    public var completionTokens: Int
    /// Whether `completionTokens` (and so `tokensPerSecond`) comes from a usage object.
    public var tokensAreExact: Bool
    /// Average completion tokens per second from the first content token to the latest one.
    public var tokensPerSecond: Double?
    /// Tokens per second over the last second or so (live estimate).
    public var tokensPerSecondNow: Double?
    /// Recent tokens/s samples for a sparkline, oldest first.
    public var rateHistory: [Double]
    /// Inter-chunk gaps in nanoseconds.
    public var gapP50: UInt64?
    public var gapP95: UInt64?
    public var gapMax: UInt64?

    public init(timeToFirstByte: UInt64? = nil, timeToFirstChunk: UInt64? = nil, timeToFirstContent: UInt64? = nil,
                elapsed: UInt64 = 0, chunkCount: Int = 0, byteCount: Int = 0, completionTokens: Int = 0,
                tokensAreExact: Bool = false, tokensPerSecond: Double? = nil, tokensPerSecondNow: Double? = nil,
                rateHistory: [Double] = [], gapP50: UInt64? = nil, gapP95: UInt64? = nil, gapMax: UInt64? = nil) {
        self.timeToFirstByte = timeToFirstByte
        self.timeToFirstChunk = timeToFirstChunk
        self.timeToFirstContent = timeToFirstContent
        self.elapsed = elapsed
        self.chunkCount = chunkCount
        self.byteCount = byteCount
        self.completionTokens = completionTokens
        self.tokensAreExact = tokensAreExact
        self.tokensPerSecond = tokensPerSecond
        self.tokensPerSecondNow = tokensPerSecondNow
        self.rateHistory = rateHistory
        self.gapP50 = gapP50
        self.gapP95 = gapP95
        self.gapMax = gapMax
    }
}
