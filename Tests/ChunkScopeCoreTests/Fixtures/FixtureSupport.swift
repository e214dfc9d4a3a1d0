@testable import ChunkScopeCore

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
