#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed `write(2)`: the `errno` it set, and the system's words for it.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value.
    public var code: Int32

    /// Creates the error for `errno` value `code`.
    public init(code: Int32) {
        self.code = code
    }

    /// True when the reading end went away (EPIPE: `| head` exited): not a fault to report.
    public var isClosedByReader: Bool { code == EPIPE }

    /// The system's message, e.g. "No space left on device".
    public var description: String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

/// Plain `write(2)` output that reports errors instead of trapping (as `FileHandle.write` does).
public enum DescriptorOutput {
    /// Writes all of `bytes` to `descriptor`, resuming after short writes and EINTR.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(code: errno)
            }
            if result == 0 { throw OutputError(code: EIO) }
            written += result
        }
    }

    /// Opens (creating or truncating) `path` for writing with `permissions`, close-on-exec.
    static func create(_ path: String, permissions: mode_t) throws(OutputError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw OutputError(code: errno) }
        return descriptor
    }

    /// Closes `descriptor`; a failure (a deferred write error on some file systems) is returned.
    static func close(_ descriptor: Int32) throws(OutputError) {
        #if canImport(Glibc)
        let result = Glibc.close(descriptor)
        #else
        let result = Darwin.close(descriptor)
        #endif
        guard result == 0 else { throw OutputError(code: errno) }
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
        #else
        Darwin.write(descriptor, pointer, count)
        #endif
    }
}
