/// What the screen composer measured while drawing a frame, fed back with
/// `DashboardState.absorb(_:)` so scrolling and mouse clicks know the content sizes.
public struct FrameReport: Sendable, Hashable {
    /// Where each pane was drawn.
    public var rects: [PaneID: Rect] = [:]
    /// Content rows and visible rows per scrollable pane.
    public var contentHeights: [PaneID: Int] = [:]
    /// Visible content rows per scrollable pane.
    public var viewportHeights: [PaneID: Int] = [:]
    /// The first content row each scrollable pane drew (where scrolling continues from).
    public var offsets: [PaneID: Int] = [:]
    /// The event-log index shown on each visible table row of the inspector, top to bottom.
    public var chunkRows: [Int] = []
    /// Screen row of the inspector's first table row.
    public var chunkTableY = 0
    /// How far the inspector's open JSON can scroll.
    public var chunkDetailMaxOffset = 0
    /// Screen row where the inspector's open JSON starts (0 when closed).
    public var chunkDetailY = 0
    /// Visible rows of the inspector's open JSON.
    public var chunkDetailHeight = 0
    /// Where the terminal cursor belongs (the prompt editor's cursor), if visible.
    public var cursor: (x: Int, y: Int)? { cursorX.map { ($0, cursorY) } }
    var cursorX: Int?
    var cursorY = 0
    /// Creates an empty report.
    public init() {}
}
