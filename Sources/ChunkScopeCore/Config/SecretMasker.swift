/// Masks known secrets inside a byte stream split at arbitrary points, replacing each byte of a
/// secret with `*` so lengths (and therefore read splits and offsets) stay the same.
///
/// A server that echoes the key in an error body would otherwise put it on screen and into
/// captures. Only the tail of a buffer that could still be the start of a secret is held back, so
/// ordinary streams pass through without delay.
public struct SecretMasker: Sendable {
    private let secrets: [[UInt8]]
    private var held: [UInt8] = []

    /// A masker for these secrets (values shorter than 8 bytes are ignored as too generic).
    public init(secrets: [Secret]) {
        self.secrets = secrets.map { Array($0.exposedValue.utf8) }.filter { $0.count >= 8 }
    }

    /// True when there is nothing to mask.
    public var isEmpty: Bool { secrets.isEmpty }

    /// The bytes that can be released now, masked.
    public mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        guard !secrets.isEmpty else { return bytes }
        var buffer = held + bytes
        mask(&buffer)
        let keep = longestSecretPrefixSuffix(buffer)
        held = Array(buffer.suffix(keep))
        buffer.removeLast(keep)
        return buffer
    }

    /// Whatever is still held back (it did not turn into a secret).
    public mutating func finish() -> [UInt8] {
        defer { held = [] }
        return held
    }

    private func mask(_ buffer: inout [UInt8]) {
        for secret in secrets where buffer.count >= secret.count {
            var i = 0
            while i + secret.count <= buffer.count {
                if buffer[i] == secret[0] && buffer[i..<i + secret.count].elementsEqual(secret) {
                    for j in i..<i + secret.count { buffer[j] = UInt8(ascii: "*") }
                    i += secret.count
                } else {
                    i += 1
                }
            }
        }
    }

    /// The length of the longest suffix of `buffer` that is a proper prefix of a secret.
    private func longestSecretPrefixSuffix(_ buffer: [UInt8]) -> Int {
        var best = 0
        for secret in secrets {
            var length = min(secret.count - 1, buffer.count)
            while length > best {
                if buffer.suffix(length).elementsEqual(secret.prefix(length)) {
                    best = length
                    break
                }
                length -= 1
            }
        }
        return best
    }
}
