/// Decides when to draw: never when nothing changed, at most one frame per ~16 ms after input
/// (typing stays immediate), and at most one per `streamInterval` when only stream data changed
/// (a stream's text looks just as live at that rate and costs a fraction of the CPU). Pure; the
/// app loop asks it how long to wait and tells it when a frame went out.
struct FramePacer: Sendable {
    /// What asked for the frame, which sets how soon it may come.
    enum Reason: Sendable, Comparable {
        /// New stream data (a session snapshot): paced at `streamInterval`.
        case stream
        /// Input, a resize, or a stream reaching its end: paced at `interactiveInterval`.
        case interactive
    }

    /// The shortest time between two frames after input, in nanoseconds (~60 fps).
    let interactiveInterval: UInt64
    /// The shortest time between two frames that only show new stream data, in nanoseconds
    /// (~15 fps: the 200 chunks/s CPU budget of 5 % of a core, measured by Scripts/bench-tui.sh).
    let streamInterval: UInt64
    /// When the last frame was drawn (monotonic nanoseconds), nil before the first.
    private(set) var lastFrame: UInt64?
    /// The most urgent reason for the next frame; nil when the screen is up to date.
    private(set) var pending: Reason? = .interactive

    init(interactiveInterval: UInt64 = 16_666_667, streamInterval: UInt64 = 66_666_667) {
        self.interactiveInterval = interactiveInterval
        self.streamInterval = streamInterval
    }

    /// Marks the screen out of date for `reason`.
    mutating func invalidate(_ reason: Reason) {
        pending = max(pending ?? reason, reason)
    }

    /// Nanoseconds to wait before drawing (0: draw now), or nil when there is nothing to draw.
    func delay(now: UInt64) -> UInt64? {
        guard let pending else { return nil }
        guard let lastFrame else { return 0 }
        let due = lastFrame &+ (pending == .interactive ? interactiveInterval : streamInterval)
        return now >= due ? 0 : due - now
    }

    /// Records that a frame went out at `now`.
    mutating func didDraw(at now: UInt64) {
        lastFrame = now
        pending = nil
    }
}
