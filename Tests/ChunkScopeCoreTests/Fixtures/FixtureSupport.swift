@testable import ChunkScopeCore

/// A small deterministic generator (SplitMix64) so failing split points are reproducible.
struct SplitRNG {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// JSON equality up to number spelling (`1.0` = `1`, `3.83e-05` = `0.0000383`), since the expected
/// files are written by Python.
enum JSONComparison {
    static func normalized(_ value: JSONValue?) -> JSONValue? {
        guard let value else { return nil }
        switch value {
        case .number(let text):
            guard let d = Double(text) else { return value }
            if d.rounded() == d, abs(d) < 9.0e15 { return .number(String(Int64(d))) }
            return .number(String(d))
        case .array(let items): return .array(items.map { normalized($0)! })
        case .object(let members): return .object(members.map { .init($0.key, normalized($0.value)!) })
        default: return value
        }
    }
}
