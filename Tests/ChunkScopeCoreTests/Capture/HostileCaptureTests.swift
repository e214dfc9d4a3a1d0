@testable import ChunkScopeCore
import Foundation
import Testing

/// Crafted captures: every number the reader takes from a file is checked, so a hostile file is
/// a `ReadError` naming its line, never a trap in the reader or in the stages after it.
@Suite("Hostile captures")
struct HostileCaptureTests {
    static let magic = ": chunkscope-capture v1\n"

    @Test("bad numbers are errors with the line, not traps", arguments: [
        (":@ bytes 14 reads=1.0+-1\ndata: x\n\n12345", 2, "bad read"),
        (":@ bytes 9223372036854775807\ndata: x\n", 2, "valid byte count"),
        (":@ bytes 1073741825\ndata: x\n", 2, "valid byte count"),
        (":@ bytes -1\n", 2, "valid byte count"),
        (":@ bytes +5\nabcde", 2, "valid byte count"),
        (":@ bytes 3 reads=1.0+\nabc", 2, "bad read"),
        (":@ bytes 3 reads=99999999999999999999.0+3\nabc", 2, "bad read"),
        (":@ bytes 3 reads=18446744073709.0+3\nabc", 2, "bad read"),
        (":@ bytes 3 reads=1.0+99999999999999999999\nabc", 2, "bad read"),
        (": note\n:@ t=18446744073709551615 note x\n", 3, "valid t= time"),
        (":@ t=18446744073709.551 note x\n", 2, "valid t= time"),
        (":@ t=31536000000.001 note x\n", 2, "valid t= time"),
        (":@ t=1.0000001 note x\n", 2, "valid t= time"),
        (":@ t=+1.000 note x\n", 2, "valid t= time"),
        (":@ t=-1.000 note x\n", 2, "valid t= time"),
        (":@ t=1. note x\n", 2, "valid t= time"),
        (":@ t=1.000 response 99999999999999999999\n", 2, "from 100 to 999"),
        (":@ t=1.000 response -200\n", 2, "from 100 to 999"),
        (":@ t=1.000 response 1000\n", 2, "from 100 to 999"),
        (":@ t=5.000 note a\n:@ t=4.000 note b\n", 3, "before the previous record"),
        (":@ t=5.000 note a\n:@ bytes 2 reads=4.999+2\nab", 3, "before the previous record"),
    ])
    func badNumbers(_ records: String, _ line: Int, _ fragment: String) {
        do {
            let capture = try CaptureReader.read(Array((Self.magic + records).utf8))
            Issue.record("read without an error: \(capture)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("the largest accepted values still read, and a count beyond the file keeps what is there")
    func limits() throws {
        let text = Self.magic + ":@ t=31536000000.000 response 999\n:@ bytes 100 reads=31536000000.000+4\nab\n"
        let capture = try CaptureReader.read(Array(text.utf8))
        #expect(capture.inputs.map(\.offset) == [CaptureFormat.maxTime, CaptureFormat.maxTime])
        #expect(capture.bodyBytes == Array("ab\n".utf8))
        #expect(!capture.isComplete)
    }

    @Test("millisecond times parse exactly and reject anything else")
    func times() {
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: "0") == 0)
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: "12.5") == 12_500_000)
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: "1.000001") == 1_000_001)
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: "") == nil)
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: ".5") == nil)
        #expect(CaptureFormat.nanoseconds(fromMilliseconds: "1e3") == nil)
        #expect(CaptureFormat.milliseconds(UInt64.max).hasSuffix(".552"), "rounding never overflows")
    }

    @Test("replay delays never overflow, and speeds are kept within their range")
    func replayDelays() {
        #expect(CaptureReplay.delay(of: 2_000_000_000, factor: 2) == .seconds(1))
        #expect(CaptureReplay.delay(of: UInt64.max, factor: 0.001) == .nanoseconds(Int64(9.0e18)))
        #expect(CaptureReplay.delay(of: CaptureFormat.maxTime, factor: ReplaySpeed.factorRange.lowerBound) > .seconds(0))
        #expect(ReplaySpeed("1e300") == nil)
        #expect(ReplaySpeed("0.0001") == nil)
        #expect(ReplaySpeed("1000") == .factor(1000))
        #expect(ReplaySpeed("0.001x") == .factor(0.001))
    }

    @Test("a recorder reports a write error (disk full) instead of trapping, and stops writing")
    func recorderWriteError() throws {
        let recorder = try CaptureRecorder(path: "/dev/full")
        recorder.record(.response(ResponseHead(status: 200)), at: 1)
        #expect(recorder.error == OutputError(code: ENOSPC))
        #expect(recorder.error?.localizedDescription == "No space left on device")
        recorder.finish(at: 2)
        #expect(recorder.error == OutputError(code: ENOSPC))
    }

    @Test("a recorder's parent directory comes from plain string handling")
    func parentDirectories() {
        #expect(CaptureRecorder.parentDirectory(of: "a") == nil)
        #expect(CaptureRecorder.parentDirectory(of: "-") == nil)
        #expect(CaptureRecorder.parentDirectory(of: "/a.sse") == nil)
        #expect(CaptureRecorder.parentDirectory(of: "dir/a.sse") == "dir")
        #expect(CaptureRecorder.parentDirectory(of: "/x/y/a.sse") == "/x/y")
    }

    @Test("a recorder on a descriptor writes the capture there and leaves it open")
    func recorderOnDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let recorder = CaptureRecorder(descriptor: ends[1], path: "-")
        recorder.record(.response(ResponseHead(status: 200)), at: 0)
        recorder.record(.bytes(Array("data: 1\n\n".utf8)), at: 1_000)
        recorder.finish(at: 2_000)
        #expect(fcntl(ends[1], F_GETFD) != -1, "still open")
        close(ends[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        let capture = try CaptureReader.read(bytes)
        #expect(capture.isComplete)
        #expect(capture.bodyBytes == Array("data: 1\n\n".utf8))
    }
}
