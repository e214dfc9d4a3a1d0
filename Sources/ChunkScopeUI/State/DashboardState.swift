// How it fits: the whole UI state as one value, changed only by `handle(_:live:)` for input and
// `apply(_:)` for the app's events (the pure reducer, DashboardState+Reduce.swift and
// DashboardState+Conversation.swift), which return Effects for the app to perform.
// The app loop: key or event → reducer → run effects → screen.render(state…) → state.absorb(report).

import ChunkScopeCore

/// Everything the dashboard remembers between frames that is not stream data.
public struct DashboardState: Sendable {
    /// The terminal size (updated by `.resize` events).
    public var size: TerminalSize
    /// The focused pane (one of `PaneID.focusOrder`).
    public var focus: PaneID = .prompt
    /// The pane shown full screen, if any.
    public var zoomed: PaneID?
    /// Whether the key-help overlay is open.
    public var showHelp = false
    /// Scroll offset of the help overlay.
    public var helpOffset = 0
    /// Transcript scroll and reasoning fold.
    public var transcript = TranscriptViewState()
    /// Tool-calls scroll (follows the newest arguments by default).
    public var toolCalls = ScrollState(offset: 0, follow: true)
    /// Inspector selection, filter, search and headers view.
    public var chunks = ChunksViewState()
    /// Usage scroll.
    public var usage = ScrollState(offset: 0, follow: false)
    /// The prompt being written.
    public var editor = PromptEditor()
    /// The turns so far.
    public internal(set) var conversation = Conversation()
    /// The running stream's newest snapshot; nil between streams (the panes then show the last reply).
    public internal(set) var live: SessionSnapshot?
    /// Commands that answer tool calls, by tool name (from `--tool-command` and the profile).
    public var toolCommands: [String: ToolCommand] = [:]
    /// The call whose command is running, if one is.
    public internal(set) var runningToolCall: String?
    /// Round-trip lint findings (CS6xx) for the last reply's tool calls.
    public internal(set) var toolFindings: [ToolRoundTripFinding] = []
    /// The call whose command the user stopped (its late output is dropped).
    var cancelledToolCall: String?
    /// Set when the editor holds a failed tool output under review: the call it answers (the text
    /// is sent as an error result).
    public internal(set) var toolErrorDraft: String?
    /// Profile, model and prices for the status line and cost.
    public var session: SessionInfo
    /// The key bindings.
    public var keymap: Keymap = .standard
    /// A one-line message for the status line (cleared by the next key).
    public var message: String?
    /// Set by the first Ctrl-C; a second one quits.
    public var quitArmed = false
    /// What the last frame measured (see `absorb(_:)`).
    public private(set) var frame = FrameReport()

    /// Creates the initial state (with a conversation so far, for replays and benchmarks).
    public init(size: TerminalSize, session: SessionInfo, conversation: Conversation = Conversation()) {
        self.size = size
        self.session = session
        self.conversation = conversation
    }

    /// What the panes show: the running stream, else the last reply.
    public var shown: SessionSnapshot? { live ?? conversation.turns.last?.reply }

    /// Stores what the renderer measured, so scrolling and clicks use the frame on screen.
    public mutating func absorb(_ report: FrameReport) {
        frame = report
    }

    /// The layout options this state implies.
    public var layoutOptions: LayoutOptions {
        LayoutOptions(focus: focus, zoomed: zoomed, showHelp: showHelp,
                      promptLines: PromptRenderer.visualLineCount(editor, boxWidth: size.width))
    }

    /// The scroll state of a scrollable pane.
    func scrollState(_ pane: PaneID) -> ScrollState? {
        switch pane {
        case .transcript: transcript.scroll
        case .toolCalls: toolCalls
        case .usage: usage
        default: nil
        }
    }

    mutating func setScrollState(_ pane: PaneID, _ value: ScrollState) {
        switch pane {
        case .transcript: transcript.scroll = value
        case .toolCalls: toolCalls = value
        case .usage: usage = value
        default: break
        }
    }
}
