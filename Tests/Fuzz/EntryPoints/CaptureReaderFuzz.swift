import ChunkScopeCore

/// Capture reader: any bytes (capture records or plain SSE) are read or rejected with a
/// `ReadError`, never a crash; with the capture magic line prepended the record parser is reached
/// on every input.
enum CaptureReaderFuzz {
    static func run(_ bytes: [UInt8]) {
        _ = try? CaptureReader.read(bytes)
        if !CaptureFormat.isCapture(bytes) {
            _ = try? CaptureReader.read(Array((CaptureFormat.magic + "\n").utf8) + bytes)
        }
    }
}
