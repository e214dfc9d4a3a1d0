import Testing
@testable import ChunkScopeCore

@Suite("Metrics")
struct MetricsRecorderTests {
    @Test("first byte, first chunk and first content are relative to the start")
    func firstTimes() {
        var m = MetricsRecorder()
        m.recordStart(at: 1_000)
        m.recordBytes(10, at: 5_000)
        m.recordChunk(at: 6_000)
        m.recordOutput(utf8Bytes: 3, at: 8_000)
        let s = m.metrics()
        #expect(s.timeToFirstByte == 4_000)
        #expect(s.timeToFirstChunk == 5_000)
        #expect(s.timeToFirstContent == 7_000)
        #expect(s.elapsed == 7_000)
        #expect(s.byteCount == 10)
        #expect(s.chunkCount == 1)
    }

    @Test("tokens are estimated from deltas, then exact from usage")
    func tokenEstimate() {
        var m = MetricsRecorder()
        m.recordStart(at: 0)
        m.recordOutput(utf8Bytes: 3, at: 0)            // 1 token
        m.recordOutput(utf8Bytes: 40, at: 1_000_000_000) // 10 tokens
        #expect(m.metrics().completionTokens == 11)
        #expect(!m.metrics().tokensAreExact)
        #expect(m.metrics().tokensPerSecond == 11)
        m.recordUsage(completionTokens: 20)
        #expect(m.metrics().completionTokens == 20)
        #expect(m.metrics().tokensAreExact)
        #expect(m.metrics().tokensPerSecond == 20)
    }

    @Test("gap percentiles come from a bounded histogram within its resolution")
    func gaps() {
        var m = MetricsRecorder()
        var t: UInt64 = 0
        m.recordChunk(at: t)
        for i in 1...100 {
            t += UInt64(i) * 1_000_000 // gaps 1 ms … 100 ms
            m.recordChunk(at: t)
        }
        let s = m.metrics()
        let p50 = Double(s.gapP50!), p95 = Double(s.gapP95!)
        #expect(abs(p50 - 50e6) / 50e6 < 0.07)
        #expect(abs(p95 - 95e6) / 95e6 < 0.07)
        #expect(s.gapMax == 100_000_000)
    }

    @Test("histogram buckets cover their values", arguments: [UInt64(0), 1, 15, 16, 17, 1000, 123_456_789, UInt64.max / 3, UInt64.max])
    func bucketsCover(value: UInt64) {
        let (low, width) = GapHistogram.range(of: GapHistogram.bucket(of: value))
        #expect(low <= value)
        #expect(value - low < width)
    }

    @Test("rate history is one sample per 250 ms window, bounded to 60 s")
    func rateHistory() {
        var m = MetricsRecorder()
        m.recordStart(at: 0)
        m.recordOutput(utf8Bytes: 4, at: 0)
        m.recordOutput(utf8Bytes: 4, at: 100_000_000)
        m.recordOutput(utf8Bytes: 8, at: 600_000_000)
        #expect(m.metrics().rateHistory == [8, 0, 8])
        m.recordOutput(utf8Bytes: 4, at: 200_000_000_000)
        #expect(m.metrics().rateHistory.count == MetricsRecorder.rateWindowCount)
        #expect(m.metrics().rateHistory.last == 4)
        #expect(m.metrics().tokensPerSecondNow == 1)
    }

    @Test("the manual clock only moves when told")
    func manualClock() {
        let clock = ManualStreamClock(start: 5)
        #expect(clock.now() == 5)
        clock.advance(by: .milliseconds(2))
        #expect(clock.now() == 2_000_005)
        let system = SystemStreamClock()
        let a = system.now()
        #expect(system.now() >= a)
    }
}
