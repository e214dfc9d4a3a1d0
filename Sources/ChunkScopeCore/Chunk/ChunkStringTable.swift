/// Per-stream memory of recurring strings for `ChunkDecoder`: a stream repeats the same `id`,
/// `model` and `system_fingerprint` in every chunk, so decoding them once and handing out the same
/// `String` saves an allocation per field per chunk — and later equality checks (lint compares
/// `id`/`model` chunk to chunk) hit the shared-storage fast path.
///
/// A small direct-mapped cache: a slot holding a different string is simply replaced, so memory
/// stays bounded whatever the stream sends.
public struct ChunkStringTable: Sendable {
    private static let slotCount = 64
    /// Strings shorter than this are stored inline by Swift (no allocation); not worth caching.
    private static let minimumLength = 16
    private static let maximumLength = 256

    private var slots: [String?] = Array(repeating: nil, count: slotCount)

    /// An empty table; keep one per stream.
    public init() {}

    /// The string spelled by `bytes` (known valid UTF-8), from the table when it is there.
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard count >= Self.minimumLength, count <= Self.maximumLength, let base = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let raw = UnsafeRawPointer(base)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        let hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        let slot = Int(truncatingIfNeeded: hash >> 58) & (Self.slotCount - 1)
        if let cached = slots[slot] {
            let same = cached.utf8.withContiguousStorageIfAvailable { stored in
                stored.count == count && memoryEquals(stored.baseAddress, base, count)
            }
            if same == true { return cached }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[slot] = text
        return text
    }
}
