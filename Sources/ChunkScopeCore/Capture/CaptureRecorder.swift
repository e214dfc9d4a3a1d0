import Foundation

/// Appends a stream's inputs to a capture file as they arrive (through `CaptureWriter`), so a
/// capture survives a crash up to its last complete line. Thread-safe; each write is small.
public final class CaptureRecorder: @unchecked Sendable {
    /// The file being written (`-` for standard output).
    public let path: String
    private let lock = NSLock()
    private var writer: CaptureWriter
    private var descriptor: Int32?
    private let ownsDescriptor: Bool
    private var writeError: OutputError?

    /// Creates (or truncates) the file at `path` with owner-only permissions, creating missing
    /// parent directories (owner-only too).
    public init(path: String, notes: [String] = []) throws {
        self.path = path
        self.writer = CaptureWriter(notes: notes)
        if let directory = Self.parentDirectory(of: path) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        self.descriptor = try DescriptorOutput.create(path, permissions: 0o600)
        self.ownsDescriptor = true
    }

    /// Records to an open `descriptor` that stays open afterwards (standard output for
    /// `record -o -`); `path` names it in messages.
    public init(descriptor: Int32, path: String, notes: [String] = []) {
        self.path = path
        self.writer = CaptureWriter(notes: notes)
        self.descriptor = descriptor
        self.ownsDescriptor = false
    }

    /// The directory part of `path` when it has one to create: `a/b/c.sse` → `a/b`, `/c.sse` and
    /// `c.sse` → nil (the root and the working directory exist).
    static func parentDirectory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let directory = path[..<slash]
        return directory.isEmpty ? nil : String(directory)
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
        guard let descriptor else { return }
        write(writer.finish(at: nanos))
        if ownsDescriptor {
            do {
                try DescriptorOutput.close(descriptor)
            } catch {
                if writeError == nil { writeError = error }
            }
        }
        self.descriptor = nil
    }

    /// The first write error, if any (the stream itself is never interrupted by one; after it
    /// nothing more is written).
    public var error: OutputError? {
        lock.lock()
        defer { lock.unlock() }
        return writeError
    }

    private func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, let descriptor, writeError == nil else { return }
        do {
            try DescriptorOutput.write(bytes, to: descriptor)
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

extension OutputError: LocalizedError {
    /// The system's message, so `localizedDescription` reads like `description`.
    public var errorDescription: String? { description }
}
