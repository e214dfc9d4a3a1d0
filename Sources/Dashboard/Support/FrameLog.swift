import Foundation

/// Opt-in timing log for the TUI benchmark (`Scripts/bench-tui.sh`): with
/// `CHUNKSCOPE_FRAME_LOG=FILE` the app appends one line per event, timestamps in CLOCK_MONOTONIC
/// nanoseconds:
///
///     frame <ns> <cells written> <stream state> <content bytes> <render ns> <draw ns>
///                                        a frame was flushed (render: ScreenRenderer, draw: curses)
///     snapshot <ns> <stream state> <content bytes>   a session snapshot reached the main actor
///     last-byte <ns>                                 the last body bytes of a stream arrived
///     input <ns>                                     terminal input was read (keys, paste, mouse)
///
/// Off (and free) otherwise.
final class FrameLog: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle

    /// The log named by the environment, or nil when it is off or cannot be opened.
    static func fromEnvironment(_ environment: [String: String]) -> FrameLog? {
        guard let path = environment["CHUNKSCOPE_FRAME_LOG"], !path.isEmpty else { return nil }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        return FrameLog(handle: handle)
    }

    private init(handle: FileHandle) {
        self.handle = handle
    }

    /// Records one flushed frame.
    func frame(at nanos: UInt64, cellsWritten: Int, state: String, contentBytes: Int, renderNanos: UInt64, drawNanos: UInt64) {
        write("frame \(nanos) \(cellsWritten) \(state) \(contentBytes) \(renderNanos) \(drawNanos)\n")
    }

    /// Records a snapshot's arrival on the main actor.
    func snapshot(at nanos: UInt64, state: String, contentBytes: Int) {
        write("snapshot \(nanos) \(state) \(contentBytes)\n")
    }

    /// Records when terminal input was read.
    func input(at nanos: UInt64) {
        write("input \(nanos)\n")
    }

    /// Records when the last body bytes of a stream arrived.
    func lastByte(at nanos: UInt64) {
        write("last-byte \(nanos)\n")
    }

    private func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data(line.utf8))
    }

    deinit {
        try? handle.close()
    }
}
