/// Word-at-a-time byte scanning and UTF-8 checks shared by the SSE and JSON stages (pure Swift,
/// no C): the hot loops look at 8 bytes per step instead of one.
enum ByteScanning {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero exactly when some byte of `word` is zero.
    @inline(__always)
    private static func zeroByteMask(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }

    /// Offset of the first CR or LF in `base[start..<end]`, or `end` when there is none.
    @inline(__always)
    static func firstLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let mask = zeroByteMask(word ^ (ones &* 0x0A)) | zeroByteMask(word ^ (ones &* 0x0D))
            if mask != 0 {
                return index + (UInt64(littleEndian: mask).trailingZeroBitCount >> 3)
            }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == 0x0A || byte == 0x0D { return index }
            index += 1
        }
        return end
    }

    /// Offset of the first `"`, `\` or control byte (< 0x20) in `base[start..<end]`, or `end`:
    /// the bytes that end the plain run of a JSON string.
    @inline(__always)
    static func firstStringSpecial(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // (word - 0x20…) & ~word & 0x80… flags bytes below 0x20 (the lowest flag is exact).
            let mask = zeroByteMask(word ^ (ones &* 0x22)) | zeroByteMask(word ^ (ones &* 0x5C))
                | ((word &- ones &* 0x20) & ~word & highBits)
            if mask != 0 {
                return index + (UInt64(littleEndian: mask).trailingZeroBitCount >> 3)
            }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index += 1
        }
        return end
    }

    /// True when every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        var accumulated: UInt64 = 0
        while index + 8 <= count {
            accumulated |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        var tail: UInt8 = 0
        while index < count {
            tail |= base[index]
            index += 1
        }
        return accumulated & highBits == 0 && tail < 0x80
    }

    /// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isASCII(bytes) { return true }
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                while index + 8 <= count,
                      raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
                    index += 8
                }
                continue
            }
            func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                index + offset < count && base[index + offset] >= low && base[index + offset] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                index += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                index += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                index += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }

    /// The text of `bytes` and whether they were valid UTF-8 (invalid sequences become U+FFFD).
    @inline(__always)
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        (String(decoding: bytes, as: UTF8.self), isValidUTF8(bytes))
    }

    /// The text of `bytes` when they are valid UTF-8, else nil.
    @inline(__always)
    static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
