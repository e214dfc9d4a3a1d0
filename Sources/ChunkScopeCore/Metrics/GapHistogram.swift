/// A fixed-size log-linear histogram of nanosecond durations: O(1) to record, bounded memory
/// (976 counters), about 6 % resolution. Used for inter-chunk gap percentiles.
public struct GapHistogram: Sendable, Equatable {
    /// Sub-buckets per power of two (16 → each bucket spans 1/16 of its octave).
    private static let subBuckets = 16
    private static let bucketCount = 976
    private var counts = [UInt32](repeating: 0, count: GapHistogram.bucketCount)
    /// Number of recorded durations.
    public private(set) var count = 0
    /// Smallest recorded duration.
    public private(set) var minimum: UInt64 = .max
    /// Largest recorded duration.
    public private(set) var maximum: UInt64 = 0

    /// Creates an empty histogram.
    public init() {}

    /// Records one duration in nanoseconds.
    public mutating func record(_ value: UInt64) {
        counts[Self.bucket(of: value)] &+= 1
        count += 1
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
    }

    /// The duration at quantile `q` (0…1), estimated as the middle of its bucket and clamped to the
    /// recorded range; nil when nothing was recorded.
    public func quantile(_ q: Double) -> UInt64? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for (bucket, n) in counts.enumerated() where n > 0 {
            seen += Int(n)
            if seen >= rank {
                let (low, width) = Self.range(of: bucket)
                let middle = low &+ width / 2
                return min(max(middle, minimum), maximum)
            }
        }
        return maximum
    }

    static func bucket(of value: UInt64) -> Int {
        if value < UInt64(subBuckets) { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        let mantissa = Int((value >> UInt64(exponent - 4)) & 15)
        return (exponent - 3) * subBuckets + mantissa
    }

    static func range(of bucket: Int) -> (low: UInt64, width: UInt64) {
        if bucket < subBuckets { return (UInt64(bucket), 1) }
        let exponent = bucket / subBuckets + 3
        let mantissa = UInt64(bucket % subBuckets)
        let shift = UInt64(exponent - 4)
        return ((16 + mantissa) << shift, 1 << shift)
    }
}
