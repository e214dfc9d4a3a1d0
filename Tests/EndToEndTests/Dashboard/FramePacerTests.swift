import Testing
@testable import Dashboard

@Suite("Frame pacing")
struct FramePacerTests {
    let ms: UInt64 = 1_000_000

    @Test("The first frame is immediate; with nothing changed there is no frame at all")
    func firstAndIdle() {
        var pacer = FramePacer()
        #expect(pacer.delay(now: 5 * ms) == 0)
        pacer.didDraw(at: 5 * ms)
        #expect(pacer.delay(now: 6 * ms) == nil)
        #expect(pacer.delay(now: 10_000 * ms) == nil)
    }

    @Test("Input frames come at most every ~16.7 ms; stream frames at most every ~66.7 ms (15 fps)")
    func intervals() {
        var pacer = FramePacer()
        pacer.didDraw(at: 100 * ms)
        pacer.invalidate(.interactive)
        #expect(pacer.delay(now: 105 * ms) == 116_666_667 - 105 * ms)
        #expect(pacer.delay(now: 117 * ms) == 0)
        pacer.didDraw(at: 200 * ms)
        pacer.invalidate(.stream)
        #expect(pacer.delay(now: 210 * ms) == 266_666_667 - 210 * ms)
        #expect(pacer.delay(now: 250 * ms) == 266_666_667 - 250 * ms)
        #expect(pacer.delay(now: 267 * ms) == 0)
    }

    @Test("Input while stream data waits makes the frame come sooner, never later")
    func upgrade() {
        var pacer = FramePacer()
        pacer.didDraw(at: 0)
        pacer.invalidate(.stream)
        #expect(pacer.delay(now: 10 * ms) == 66_666_667 - 10 * ms)
        pacer.invalidate(.interactive)
        #expect(pacer.delay(now: 10 * ms) == 16_666_667 - 10 * ms)
        pacer.invalidate(.stream)
        #expect(pacer.pending == .interactive)
    }
}
