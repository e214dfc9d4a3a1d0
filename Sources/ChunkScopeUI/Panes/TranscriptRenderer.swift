// How it fits: the Screen composer asks this renderer to draw the conversation. Finished turns
// are rendered once per width (and reasoning fold state) and cached by turn id; the live reply
// is rendered incrementally (IncrementalMarkdown per choice), so a frame costs O(visible rows +
// new text), not O(transcript length). Drawing walks blocks by row counts to the visible window.

import ChunkScopeCore
import Foundation

/// Draws the Transcript pane and keeps its caches.
public final class TranscriptRenderer {
    private struct BlockKey: Hashable {
        var turn: Int
        /// Changes when a turn gets another attempt, another continuing choice or a tool result.
        var revision: TurnRevision
        var width: Int
        var reasoningOpen: Bool
    }

    private struct TurnRevision: Hashable {
        var attempts: Int
        var selected: Int
        var choice: Int
        var results: Int

        init(_ turn: Turn) {
            attempts = turn.attempts.count
            selected = turn.selected
            choice = turn.attempt.choice
            results = turn.attempt.toolResults.count
        }
    }

    private var finished: [BlockKey: [StyledLine]] = [:]
    private var liveContent: [Int: IncrementalMarkdown] = [:]
    private var liveReasoning: [Int: IncrementalMarkdown] = [:]
    private var liveTurnID: Int?
    /// The pending turn's prompt rows (a pasted document can be long): turn id, width, rows.
    private var pendingPrompt: (turn: Int, width: Int, rows: [StyledLine])?

    /// Creates a renderer with empty caches.
    public init() {}

    /// What a render measured.
    public struct Measure: Sendable, Hashable {
        /// Rows of content.
        public var contentHeight: Int
        /// Rows visible.
        public var viewportHeight: Int
        /// The first content row drawn.
        public var offset: Int
    }

    /// Draws the conversation and the live reply into `rect` (a boxed pane). `failedTurnHint`, when
    /// the last turn failed, says under it how to retry, edit or delete it.
    @discardableResult
    public func render(conversation: Conversation, live: SessionSnapshot?, model: String, failedTurnHint: String? = nil,
                       view: TranscriptViewState,
                       focused: Bool, into grid: inout Grid, in rect: Rect) -> Measure {
        let innerWidth = max(1, rect.width - 2)
        let textWidth = max(4, innerWidth - 2)
        var blocks: [[StyledLine]] = []
        let pending = conversation.hasPendingTurn ? conversation.turns.last : nil
        var liveKeys = Set<BlockKey>()
        for turn in conversation.turns {
            if turn.id == pending?.id { continue }
            let key = BlockKey(turn: turn.id, revision: TurnRevision(turn), width: textWidth, reasoningOpen: view.reasoningOpen)
            liveKeys.insert(key)
            if let cached = finished[key] {
                blocks.append(cached)
                continue
            }
            var rows = turn.prompt.map { TranscriptRenderer.userRows($0, width: textWidth) } ?? []
            if let reply = turn.reply {
                // The turn that just finished streaming reuses its incremental caches (only the text
                // since the last frame is rendered); older turns render whole, exactly once per width.
                let reuse = turn.id == liveTurnID
                rows += TranscriptRenderer.attemptRows(turn)
                rows += assistantRows(reply, model: turn.model ?? model, width: textWidth, reasoningOpen: view.reasoningOpen,
                                      live: reuse, continuing: turn.attempt.choice)
                rows += TranscriptRenderer.toolResultRows(turn.attempt, width: textWidth)
            }
            finished[key] = rows
            blocks.append(rows)
        }
        if let failedTurnHint, !blocks.isEmpty {
            blocks[blocks.count - 1] += [StyledLine("↻ " + failedTurnHint, role: .accent).truncated(to: textWidth), StyledLine()]
        }
        // Drop cache entries for other widths / fold states (keeps memory bounded on resize).
        if finished.count > liveKeys.count { finished = finished.filter { liveKeys.contains($0.key) } }

        if let pending {
            if liveTurnID != pending.id { liveContent = [:]; liveReasoning = [:]; liveTurnID = pending.id }
            if pendingPrompt?.turn != pending.id || pendingPrompt?.width != textWidth {
                pendingPrompt = (pending.id, textWidth, pending.prompt.map { TranscriptRenderer.userRows($0, width: textWidth) } ?? [])
            }
            var rows = pendingPrompt!.rows
            if let live {
                rows += assistantRows(live, model: pending.model ?? model, width: textWidth, reasoningOpen: view.reasoningOpen, live: true)
            } else {
                rows += [TranscriptRenderer.header("assistant", model: pending.model ?? model, state: "waiting"),
                         StyledLine("◌ waiting for the first token…", role: .dim)]
            }
            blocks.append(rows)
        } else if let live, conversation.turns.isEmpty, !(live.state == .idle && live.choices.isEmpty) {
            // A stream with no prompt of ours (replay): show the reply alone.
            if liveTurnID != -1 { liveContent = [:]; liveReasoning = [:]; liveTurnID = -1 }
            blocks.append(assistantRows(live, model: model, width: textWidth, reasoningOpen: view.reasoningOpen, live: true))
        }

        let total = blocks.reduce(0) { $0 + $1.count }
        let viewport = max(0, rect.height - 2)
        let maxOffset = max(0, total - viewport)
        let offset = view.scroll.follow ? maxOffset : min(view.scroll.offset, maxOffset)
        let hiddenBelow = total - offset - viewport
        var label: (String, StyleRole)?
        if hiddenBelow > 0, !view.scroll.follow {
            label = (DashboardState.isStreaming(live) ? "↓ new text — End to follow" : "↓ \(hiddenBelow) more — End to follow", .accent)
        }
        let turns = conversation.turns.count
        let details = turns == 0 ? "" : "\(turns) turn\(turns == 1 ? "" : "s")" + (view.scroll.follow ? "" : " · paused")
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: "Transcript", details: details, focused: focused, bottomLabel: label)
        grid.fill(inner)
        if total == 0, inner.height > 0 {
            grid.write("Type a prompt below and press Enter.", x: inner.x + 1, y: inner.y, maxX: inner.maxX, role: .dim, attributes: [.italic])
        }
        // Walk blocks to the first visible row.
        var skip = offset
        var y = inner.y
        outer: for block in blocks {
            if skip >= block.count { skip -= block.count; continue }
            for line in block[skip...] {
                if y >= inner.maxY { break outer }
                grid.draw(line, x: inner.x + 1, y: y, width: inner.width - 1)
                y += 1
            }
            skip = 0
        }
        PaneChrome.drawScrollbar(into: &grid, box: rect, contentHeight: total, viewportHeight: viewport, offset: offset, focused: focused)
        return Measure(contentHeight: total, viewportHeight: viewport, offset: offset)
    }

    /// A role header: `▍you`, `▍assistant · model · state`.
    static func header(_ who: String, model: String? = nil, state: String? = nil, stateRole: StyleRole = .dim) -> StyledLine {
        let role: StyleRole = who == "you" ? .user : .assistant
        var line = StyledLine("▍" + who, role: role, attributes: [.bold])
        if let model, !model.isEmpty { line.append(" · " + model, role: .dim) }
        if let state { line.append(" · ", role: .dim); line.append(state, role: stateRole) }
        return line
    }

    /// The user's prompt rows (plain text, wrapped), after a header.
    static func userRows(_ prompt: String, width: Int) -> [StyledLine] {
        var rows = [header("you")]
        let cells = StyledLine.cells(prompt, role: .text, mode: .multiline)
        var start = 0
        for i in 0...cells.count where i == cells.count || cells[i].text == "\n" {
            rows += TextWrapper.wrap(Array(cells[start..<i]), width: width).map { StyledLine(cells: $0) }
            start = i + 1
        }
        rows.append(StyledLine())
        return rows
    }

    /// The assistant reply rows for a snapshot.
    /// With n > 1, `continuing` is the index of the choice the conversation goes on with (marked).
    func assistantRows(_ snapshot: SessionSnapshot, model: String, width: Int, reasoningOpen: Bool, live: Bool,
                       continuing: Int? = nil) -> [StyledLine] {
        var rows: [StyledLine] = []
        let (stateText, stateRole) = TranscriptRenderer.stateLabel(snapshot)
        rows.append(TranscriptRenderer.header("assistant", model: model, state: stateText, stateRole: stateRole).truncated(to: width))
        let streaming = DashboardState.isStreaming(snapshot)
        let choices = snapshot.choices
        if choices.isEmpty, streaming {
            rows.append(StyledLine("◌ waiting for the first token…", role: .dim))
        }
        for choice in choices {
            if choices.count > 1 {
                if let continuing, continuing == choice.index || !choices.contains(where: { $0.index == continuing }) && choice.index == choices[0].index {
                    rows.append(StyledLine("── choice \(choice.index) ── ▶ continues", role: .accent))
                } else {
                    rows.append(StyledLine("── choice \(choice.index) ──", role: .dim))
                }
            }
            if !choice.reasoning.isEmpty {
                rows += reasoningRows(choice, width: width, open: reasoningOpen, live: live, streaming: streaming)
            }
            if !choice.content.isEmpty {
                var body: [StyledLine]
                if live {
                    let cache = liveContent[choice.index] ?? IncrementalMarkdown()
                    liveContent[choice.index] = cache
                    body = cache.render(choice.content, width: width)
                } else {
                    body = MarkdownRenderer.render(choice.content, width: width)
                }
                if streaming, choice.finishReason == nil { TranscriptRenderer.appendCursor(to: &body, width: width) }
                rows += body
            } else if streaming, choice.finishReason == nil, choice.toolCalls.isEmpty, choice.refusal.isEmpty {
                rows.append(StyledLine(cells: [Cell(text: "▌", role: .accent)]))
            }
            if !choice.refusal.isEmpty {
                rows.append(StyledLine("⚠ refusal", role: .refusal, attributes: [.bold]))
                rows += MarkdownRenderer.render(choice.refusal, width: width).map { line in
                    var l = line
                    for i in l.cells.indices where l.cells[i].role == .text { l.cells[i].role = .refusal }
                    return l
                }
            }
            for call in choice.toolCalls {
                var line = StyledLine("⚙ ", role: .accent)
                // One line per call here; the Tool calls pane has the whole arguments.
                line.append("#\(call.index) ", role: .dim)
                line.append(call.name ?? "(no name yet)", role: .accent, attributes: [.bold])
                line.append("(" + Sanitizer.plain(String(call.arguments.prefix(200))).replacingOccurrences(of: "\n", with: " ") + ")", role: .dim)
                rows.append(line.truncated(to: width))
            }
            if let reason = choice.finishReason, reason == "length" || reason == "content_filter" {
                let why = reason == "length" ? "cut off at the token limit" : "stopped by the content filter"
                rows.append(StyledLine("… \(why) (finish_reason: \(reason))", role: .warning))
            }
        }
        // In-band error payloads (`{"error": …}` mid-stream) are the provider's own failure report;
        // after an HTTP error status the failure line below already carries the same message.
        let httpFailure: Bool = { if case .failed(let f) = snapshot.state { return f.kind == .httpStatus }; return false }()
        for finding in snapshot.diagnostics.lazy.filter({ $0.code == LintCode.errorPayload.rawValue && !httpFailure }).prefix(3) {
            rows += TextWrapper.wrap(StyledLine.cells("✗ provider error: " + finding.message, role: .error, attributes: [.bold]), width: width).map { StyledLine(cells: $0) }
        }
        for note in snapshot.notes {
            rows += TextWrapper.wrap(StyledLine.cells("· " + note, role: .dim), width: width).map { StyledLine(cells: $0) }
        }
        switch snapshot.state {
        case .failed(let failure):
            let text = "✗ \(TranscriptRenderer.failureTitle(failure.kind)): \(failure.message)"
            rows += TextWrapper.wrap(StyledLine.cells(text, role: .error, attributes: [.bold]), width: width).map { StyledLine(cells: $0) }
        case .cancelled:
            rows.append(StyledLine("■ stopped — the partial reply is kept", role: .warning))
        default:
            break
        }
        rows.append(StyledLine())
        return rows
    }

    /// `attempt 2 of 2` above a reply that was retried.
    static func attemptRows(_ turn: Turn) -> [StyledLine] {
        guard turn.attempts.count > 1 else { return [] }
        return [StyledLine("↻ attempt \(turn.selected + 1) of \(turn.attempts.count)", role: .dim)]
    }

    /// One line per tool result given for the attempt's calls: `↳ get_weather → sunny`.
    static func toolResultRows(_ attempt: Attempt, width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        for call in attempt.toolCalls {
            guard let result = attempt.result(for: call.id) else { continue }
            var line = StyledLine(result.isError ? "✗ " : "↳ ", role: result.isError ? .error : .good)
            line.append(Sanitizer.plain(call.name), role: .accent, attributes: [.bold])
            line.append(" → " + Sanitizer.plain(String(result.content.prefix(200))).replacingOccurrences(of: "␊", with: " "), role: .dim)
            rows.append(line.truncated(to: width))
        }
        if !rows.isEmpty { rows.append(StyledLine()) }
        return rows
    }

    /// The folded line or the open block of a choice's reasoning.
    func reasoningRows(_ choice: ChoiceState, width: Int, open: Bool, live: Bool, streaming: Bool) -> [StyledLine] {
        let count = choice.reasoning.count
        let thinking = streaming && choice.content.isEmpty && choice.finishReason == nil
        guard open else {
            var line = StyledLine("▸ reasoning · \(TranscriptRenderer.grouped(count)) chars", role: .reasoning)
            line.append(thinking ? " · thinking…" : "", role: .reasoning)
            line.append(" (r to open)", role: .dim)
            return [line]
        }
        var rows = [StyledLine("▾ reasoning · \(TranscriptRenderer.grouped(count)) chars (r to fold)", role: .reasoning)]
        var body: [StyledLine]
        if live {
            let cache = liveReasoning[choice.index] ?? IncrementalMarkdown(role: .reasoning)
            liveReasoning[choice.index] = cache
            body = cache.render(choice.reasoning, width: width - 2)
        } else {
            body = MarkdownRenderer.render(choice.reasoning, width: width - 2).map { line in
                var l = line
                for i in l.cells.indices where l.cells[i].role == .text { l.cells[i].role = .reasoning }
                return l
            }
        }
        if thinking { TranscriptRenderer.appendCursor(to: &body, width: width - 2) }
        let bar = [Cell(text: "│", role: .reasoning), Cell(role: .reasoning)]
        rows += body.map { StyledLine(cells: bar + $0.cells, fill: $0.fill) }
        return rows
    }

    /// Adds the streaming cursor block after the last row's text.
    static func appendCursor(to rows: inout [StyledLine], width: Int) {
        let cursor = Cell(text: "▌", role: .accent)
        if rows.isEmpty || rows[rows.count - 1].width >= width || rows[rows.count - 1].fill != nil {
            rows.append(StyledLine(cells: [cursor]))
        } else {
            rows[rows.count - 1].cells.append(cursor)
        }
    }

    /// The state word in the assistant header.
    static func stateLabel(_ snapshot: SessionSnapshot) -> (String, StyleRole) {
        switch snapshot.state {
        case .idle: return ("idle", .dim)
        case .connecting: return ("connecting", .warning)
        case .streaming: return ("streaming", .good)
        case .finished:
            let reason = snapshot.choices.first?.finishReason
            let seconds = Double(snapshot.metrics.elapsed) / 1e9
            return ((reason ?? "done") + String(format: " · %.1f s", seconds), .dim)
        case .cancelled: return ("stopped", .warning)
        case .failed: return ("failed", .error)
        }
    }

    static func failureTitle(_ kind: StreamFailure.Kind) -> String {
        switch kind {
        case .connect: "could not connect"
        case .timeout: "timed out"
        case .stalled: "stream stalled"
        case .httpStatus: "HTTP error"
        case .cancelled: "cancelled"
        case .transport: "transfer failed"
        case .badInput: "bad stream"
        }
    }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }
}
