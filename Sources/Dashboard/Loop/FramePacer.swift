/// Decides when to draw: never more often than one frame per interval, and never when nothing
/// changed. Pure; the app loop asks it how long to wait and tells it when a frame went out.
struct FramePacer: Sendable {
    /// The shortest time between two frames, in nanoseconds (~60 fps by default).
    let interval: UInt64
    /// When the last frame was drawn (monotonic nanoseconds), nil before the first.
    private(set) var lastFrame: UInt64?
    /// Whether something changed since the last frame.
    private(set) var isDirty = true

    init(interval: UInt64 = 16_666_667) {
        self.interval = interval
    }

    /// Marks the screen out of date.
    mutating func invalidate() {
        isDirty = true
    }

    /// Nanoseconds to wait before drawing (0: draw now), or nil when there is nothing to draw.
    func delay(now: UInt64) -> UInt64? {
        guard isDirty else { return nil }
        guard let lastFrame else { return 0 }
        let due = lastFrame &+ interval
        return now >= due ? 0 : due - now
    }

    /// Records that a frame went out at `now`.
    mutating func didDraw(at now: UInt64) {
        lastFrame = now
        isDirty = false
    }
}
