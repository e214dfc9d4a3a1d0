// How it fits: the inspector's `/` search runs over every row of the event log on one key press,
// so it compares UTF-8 bytes in place (ASCII letters case-folded) instead of lowercasing copies.

/// Case-insensitive (ASCII) substring search over UTF-8 without allocating.
public struct TextSearch: Sendable, Hashable {
    /// The needle's UTF-8 bytes with ASCII letters lowercased.
    let needle: [UInt8]

    /// A search for `text` (empty text matches nothing).
    public init(_ text: String) {
        needle = text.utf8.map(TextSearch.fold)
    }

    /// True when `haystack` contains the needle, ignoring ASCII case.
    public func matches(_ haystack: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var haystack = haystack
        return haystack.withUTF8 { bytes in search(bytes) }
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard bytes.count >= n else { return false }
        let first = needle[0]
        return needle.withUnsafeBufferPointer { pattern in
            var i = 0
            let last = bytes.count - n
            while i <= last {
                if TextSearch.fold(bytes[i]) == first {
                    var j = 1
                    while j < n, TextSearch.fold(bytes[i + j]) == pattern[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
