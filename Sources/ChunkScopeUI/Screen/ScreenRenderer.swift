// How it fits: the one call the app makes per frame. Given the DashboardState and the snapshot
// the panes show, it lays out the screen and draws every pane, the prompt, the status line and
// the overlays into a fresh Grid; the backend diffs that grid against the last one. Per-pane
// caches live in the renderers this object owns, so a frame costs O(visible cells + new data).
//
//   let frame = screen.render(state: state, live: snapshot)
//   state.absorb(frame.report)      // scroll limits, clickable rows, cursor position
//   backend.draw(frame.grid)

import ChunkScopeCore

/// A rendered frame: the grid plus what the renderers measured.
public struct Frame: Sendable {
    /// The cells to draw.
    public var grid: Grid
    /// Measurements for `DashboardState.absorb(_:)`.
    public var report: FrameReport
}

/// Composes the whole screen. Keep one instance for the life of the app (it holds caches);
/// not thread-safe: call it from one actor (the main actor).
public final class ScreenRenderer {
    private let transcript = TranscriptRenderer()
    private let toolCalls = ToolCallsRenderer()
    private let chunks = ChunksRenderer()

    /// Creates a renderer with empty caches.
    public init() {}

    /// Renders the screen for `state`. `live` is the snapshot of the running (or last) stream;
    /// when nil the panes show the last finished turn's snapshot, if any.
    public func render(state: DashboardState, live: SessionSnapshot?) -> Frame {
        let size = state.size
        var grid = Grid(width: size.width, height: size.height)
        var report = FrameReport()
        let rects = Layout.compute(size: size, options: state.layoutOptions)
        report.rects = rects
        if let tooSmall = rects[.tooSmall] {
            _ = tooSmall
            TooSmallRenderer.render(size: size, into: &grid)
            return Frame(grid: grid, report: report)
        }
        let shown = live ?? state.conversation.turns.last?.reply
        let panesFocused = !state.showHelp
        if let rect = rects[.tabs] { TabStripRenderer.render(focus: state.focus, into: &grid, in: rect) }
        if let rect = rects[.transcript] {
            let m = transcript.render(conversation: state.conversation, live: live, model: state.session.model,
                                      failedTurnHint: live == nil && state.lastTurnFailed ? state.failedTurnHint : nil,
                                      view: state.transcript, focused: panesFocused && state.focus == .transcript,
                                      into: &grid, in: rect)
            report.contentHeights[.transcript] = m.contentHeight
            report.viewportHeights[.transcript] = m.viewportHeight
            report.offsets[.transcript] = m.offset
        }
        if let rect = rects[.toolCalls] {
            // The last reply's cards show the results given so far and which one is asked for.
            let attempt = live == nil ? state.conversation.turns.last?.attempt : nil
            let progress = ToolCallsRenderer.Progress(results: attempt?.toolResults ?? [], asked: state.askedToolCall?.call.id,
                                                      running: state.runningToolCall, findings: live == nil ? state.toolFindings : [])
            let m = toolCalls.render(shown, scroll: state.toolCalls, focused: panesFocused && state.focus == .toolCalls,
                                     compactWhenCrowded: state.zoomed != .toolCalls, progress: progress, into: &grid, in: rect)
            report.contentHeights[.toolCalls] = m.contentHeight
            report.viewportHeights[.toolCalls] = m.viewportHeight
            report.offsets[.toolCalls] = m.offset
        }
        if let rect = rects[.chunks] {
            let m = chunks.render(shown, view: state.chunks, focused: panesFocused && state.focus == .chunks, into: &grid, in: rect)
            report.chunkRows = m.rows
            report.chunkTableY = m.tableY
            report.chunkDetailMaxOffset = m.detailMaxOffset
            report.chunkDetailY = m.detailY
            report.chunkDetailHeight = m.detailHeight
            report.contentHeights[.chunks] = m.contentHeight
            report.viewportHeights[.chunks] = m.viewportHeight
        }
        if let rect = rects[.usage] {
            let m = UsageRenderer.render(shown, pricing: state.session.pricing, scroll: state.usage,
                                         focused: panesFocused && state.focus == .usage, into: &grid, in: rect)
            report.contentHeights[.usage] = m.contentHeight
            report.viewportHeights[.usage] = m.viewportHeight
            report.offsets[.usage] = m.offset
        }
        if let rect = rects[.prompt] {
            var request = PromptRenderer.Request.message
            if let asked = state.askedToolCall {
                request = .toolResult(asked.call, position: asked.position, count: asked.count,
                                      command: state.toolCommands[asked.call.name]?.displayText,
                                      running: state.runningToolCall == asked.call.id,
                                      runKeys: state.keymap.keys(for: .runToolCommand))
            }
            let cursor = PromptRenderer.render(state.editor, focused: panesFocused && state.focus == .prompt,
                                               hint: "Enter send · Alt-Enter newline", request: request, into: &grid, in: rect)
            report.cursorX = cursor?.x
            report.cursorY = cursor?.y ?? 0
        }
        if let rect = rects[.status] { StatusRenderer.render(state: state, live: shown, into: &grid, in: rect) }
        if let rect = rects[.help] {
            let m = HelpRenderer.render(state.keymap, offset: state.helpOffset, into: &grid, in: rect)
            report.contentHeights[.help] = m.contentHeight
            report.viewportHeights[.help] = m.viewportHeight
            report.cursorX = nil
        }
        return Frame(grid: grid, report: report)
    }
}
