import Foundation

/// Appends a stream's inputs to a capture file as they arrive (through `CaptureWriter`), so a
/// capture survives a crash up to its last complete line. Thread-safe; each write is small.
public final class CaptureRecorder: @unchecked Sendable {
    /// The file being written.
    public let path: String
    private let lock = NSLock()
    private var writer: CaptureWriter
    private var handle: FileHandle?
    private var writeError: (any Error)?

    /// Creates (or truncates) the file at `path` with owner-only permissions.
    public init(path: String, notes: [String] = []) throws {
        self.path = path
        self.writer = CaptureWriter(notes: notes)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Records one input received at `nanos` (monotonic).
    public func record(_ input: StreamInput, at nanos: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        write(writer.record(input, at: nanos))
    }

    /// Writes the end record and closes the file; later calls do nothing.
    public func finish(at nanos: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        guard handle != nil else { return }
        write(writer.finish(at: nanos))
        try? handle?.close()
        handle = nil
    }

    /// The first write error, if any (the stream itself is never interrupted by one).
    public var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return writeError
    }

    private func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, let handle, writeError == nil else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            writeError = error
        }
    }

    /// Nanoseconds on the monotonic clock the recorder's callers should use.
    public static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    /// A stream that yields every input of `inputs` unchanged after recording it, and finishes the
    /// capture when `inputs` ends. Cancelling the consumer cancels the upstream iteration.
    public static func tee(_ inputs: AsyncStream<StreamInput>, into recorder: CaptureRecorder) -> AsyncStream<StreamInput> {
        let (stream, continuation) = AsyncStream<StreamInput>.makeStream(bufferingPolicy: .unbounded)
        let task = Task {
            for await input in inputs {
                recorder.record(input, at: input.arrival(onClockReading: now()))
                continuation.yield(input)
            }
            recorder.finish(at: now())
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
