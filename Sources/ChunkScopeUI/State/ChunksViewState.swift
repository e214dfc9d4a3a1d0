import ChunkScopeCore

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
    /// Scroll offset of the headers view.
    public var headersOffset = 0
    /// Creates the default state.
    public init() {}
}

