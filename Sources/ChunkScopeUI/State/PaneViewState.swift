import ChunkScopeCore

/// Scroll position of a pane: the top row, or following the end.
public struct ScrollState: Sendable, Hashable {
    /// Index of the first content row shown (ignored while following).
    public var offset: Int
    /// When true the pane shows the end of its content and keeps up with new rows.
    public var follow: Bool

    /// Creates a scroll state.
    public init(offset: Int = 0, follow: Bool = true) {
        self.offset = offset
        self.follow = follow
    }
}

/// The transcript's view state.
public struct TranscriptViewState: Sendable, Hashable {
    /// Scroll position (follows the stream by default).
    public var scroll = ScrollState()
    /// Whether reasoning blocks are open (they are folded to one line by default).
    public var reasoningOpen = false
    /// Creates the default state.
    public init() {}
}

/// The chunk inspector's view state.
public struct ChunksViewState: Sendable, Hashable {
    /// The selected row (an index into the event log); nil follows the newest row.
    public var selected: Int?
    /// Whether the selected row's JSON is shown.
    public var expanded = false
    /// Scroll offset of the expanded JSON.
    public var detailOffset = 0
    /// Only rows of this kind are listed; nil lists all.
    public var filter: InspectorEvent.Kind?
    /// The confirmed search text ("" for none).
    public var search = ""
    /// The search text being typed after `/`; nil when not typing.
    public var searchDraft: String?
    /// Show the request/response headers instead of the table.
    public var showHeaders = false
    /// Creates the default state.
    public init() {}
}

/// What the screen composer measured while drawing a frame, fed back with
/// `DashboardState.absorb(_:)` so scrolling and mouse clicks know the content sizes.
public struct FrameReport: Sendable, Hashable {
    /// Where each pane was drawn.
    public var rects: [PaneID: Rect] = [:]
    /// Content rows and visible rows per scrollable pane.
    public var contentHeights: [PaneID: Int] = [:]
    /// Visible content rows per scrollable pane.
    public var viewportHeights: [PaneID: Int] = [:]
    /// The event-log index shown on each visible table row of the inspector, top to bottom.
    public var chunkRows: [Int] = []
    /// Screen row of the inspector's first table row.
    public var chunkTableY = 0
    /// Where the terminal cursor belongs (the prompt editor's cursor), if visible.
    public var cursor: (x: Int, y: Int)? { cursorX.map { ($0, cursorY) } }
    var cursorX: Int?
    var cursorY = 0
    /// Creates an empty report.
    public init() {}
}
