import ChunkScopeCore
import Foundation

/// How long a 429/503 response asks the client to wait: `retry-after-ms`, `retry-after` in
/// seconds, or `retry-after` as an HTTP date.
enum RetryAfter {
    /// The delay in seconds the headers ask for, or nil when they ask for none.
    static func delay(from head: ResponseHead, now: Date = Date()) -> Double? {
        if let ms = head.value(of: "retry-after-ms").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), ms >= 0 {
            return ms / 1000
        }
        guard let raw = head.value(of: "retry-after")?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        if let seconds = Double(raw), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: raw) { return max(0, date.timeIntervalSince(now)) }
        return nil
    }
}
