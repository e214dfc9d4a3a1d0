// How it fits: one card per tool call of every choice, arguments pretty-printed as they grow.
// Card rows are cached per call and only rebuilt when that call's arguments, status or the pane
// width change, so parallel calls streaming at once cost only what changed.

import ChunkScopeCore
import Foundation

/// Draws the Tool calls pane and keeps per-card caches.
public final class ToolCallsRenderer {
    private struct CardKey: Hashable {
        var choice: Int
        var index: Int
    }

    private struct Card {
        var call: ToolCallState
        var width: Int
        var rows: [StyledLine]
    }

    private var cards: [CardKey: Card] = [:]
    private var strings: [CardKey: LongStringCache] = [:]

    /// Creates a renderer with empty caches.
    public init() {}

    /// Where the tool loop stands for the cards: results given, the call asked for, the one running.
    public struct Progress: Sendable, Equatable {
        /// Results given so far, by call id.
        public var results: [ToolResult]
        /// The call whose result the prompt asks for.
        public var asked: String?
        /// The call whose command is running.
        public var running: String?
        /// Round-trip lint findings, by call.
        public var findings: [ToolRoundTripFinding]

        /// Progress of a tool round.
        public init(results: [ToolResult] = [], asked: String? = nil, running: String? = nil, findings: [ToolRoundTripFinding] = []) {
            self.results = results
            self.asked = asked
            self.running = running
            self.findings = findings
        }

        /// The lint rows and the status row under a call's card.
        func rows(for id: String?, width: Int) -> [StyledLine] {
            guard let id else { return [] }
            var rows = findings.filter { $0.callID == id }.map { finding in
                StyledLine("  ⚠ \(finding.diagnostic.code) " + Sanitizer.plain(finding.diagnostic.message),
                           role: finding.diagnostic.severity == .error ? .error : .warning).truncated(to: width)
            }
            if let status = row(for: id, width: width) { rows.append(status) }
            return rows
        }

        private func row(for id: String, width: Int) -> StyledLine? {
            if let result = results.first(where: { $0.toolCallID == id }) {
                let flat = Sanitizer.plain(String(result.content.prefix(width * 2))).replacingOccurrences(of: "␊", with: " ")
                let line = StyledLine((result.isError ? "  ✗ error result: " : "  ↳ result: ") + flat,
                                      role: result.isError ? .error : .good)
                return line.truncated(to: width)
            }
            if running == id { return StyledLine("  ◌ running its command…", role: .warning) }
            if asked == id { return StyledLine("  ◌ waiting for its result (prompt below)", role: .warning) }
            return nil
        }
    }

    /// Draws the cards; returns the content and viewport heights and the offset drawn. When
    /// several calls do not fit and `compactWhenCrowded` is set (the pane is not zoomed), each card
    /// shrinks to its header and one line of arguments, so parallel calls stay visible together.
    @discardableResult
    public func render(_ snapshot: SessionSnapshot?, scroll: ScrollState, focused: Bool, compactWhenCrowded: Bool = true,
                       progress: Progress = Progress(), into grid: inout Grid, in rect: Rect) -> TranscriptRenderer.Measure {
        let width = max(8, rect.width - 3)
        var rows: [StyledLine] = []
        var compactRows: [StyledLine] = []
        let choices = snapshot?.choices.filter { !$0.toolCalls.isEmpty } ?? []
        let multipleChoices = (snapshot?.choices.count ?? 0) > 1
        let streaming = DashboardState.isStreaming(snapshot)
        var seen = Set<CardKey>()
        for choice in choices {
            if multipleChoices {
                if !rows.isEmpty { rows.append(StyledLine()) }
                rows.append(StyledLine("── choice \(choice.index) ──", role: .dim))
                compactRows.append(rows[rows.count - 1])
            }
            for (position, call) in choice.toolCalls.enumerated() {
                if position > 0 || !multipleChoices && !rows.isEmpty { rows.append(StyledLine()) } // between cards
                let key = CardKey(choice: choice.index, index: call.index)
                seen.insert(key)
                if let card = cards[key], card.width == width, card.call == call {
                    rows += card.rows
                } else {
                    let cache = strings[key] ?? LongStringCache()
                    strings[key] = cache
                    let built = ToolCallsRenderer.cardRows(call, width: width, live: streaming, strings: cache)
                    cards[key] = Card(call: call, width: width, rows: built)
                    rows += built
                }
                compactRows += ToolCallsRenderer.compactRows(call, width: width)
                let status = progress.rows(for: call.id, width: width)
                rows += status
                compactRows += status
            }
        }
        if cards.count > seen.count { cards = cards.filter { seen.contains($0.key) } }
        if strings.count > seen.count { strings = strings.filter { seen.contains($0.key) } }

        let count = choices.reduce(0) { $0 + $1.toolCalls.count }
        let viewport = max(0, rect.height - 2)
        let compact = compactWhenCrowded && count > 1 && rows.count > viewport
        if compact { rows = compactRows }
        let maxOffset = max(0, rows.count - viewport)
        // Following shows the newest arguments while they stream; a finished reply reads from the top.
        let offset = scroll.follow ? (streaming ? maxOffset : 0) : min(scroll.offset, maxOffset)
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: "Tool calls", details: count > 0 ? "\(count)" : "",
                                       focused: focused,
                                       bottomLabel: offset < maxOffset ? ("↓ \(maxOffset - offset) more", .accent)
                                           : (compact ? ("z for full arguments", .dim) : nil))
        grid.fill(inner)
        if rows.isEmpty, inner.height > 0 {
            grid.write("No tool calls in this reply", x: inner.x + 1, y: inner.y, maxX: inner.maxX, role: .dim, attributes: [.italic])
        }
        for (i, line) in rows.dropFirst(offset).prefix(viewport).enumerated() {
            grid.draw(line, x: inner.x + 1, y: inner.y + i, width: inner.width - 1)
        }
        PaneChrome.drawScrollbar(into: &grid, box: rect, contentHeight: rows.count, viewportHeight: viewport, offset: offset, focused: focused)
        return TranscriptRenderer.Measure(contentHeight: rows.count, viewportHeight: viewport, offset: offset)
    }

    /// A card in two rows: the header and the arguments on one line (cut with `…`).
    static func compactRows(_ call: ToolCallState, width: Int) -> [StyledLine] {
        let header = cardRows(call, width: width, live: false, argumentsShown: false)
        let flat = Sanitizer.plain(String(call.arguments.prefix(width * 4))).replacingOccurrences(of: "␊", with: " ")
        let arguments = StyledLine("  " + (flat.isEmpty ? "(no arguments yet)" : flat), role: flat.isEmpty ? .dim : .jsonString)
        return header + [arguments.truncated(to: width)]
    }

    /// `#0 get_weather  call_JMW1…  ✓ valid JSON · 58 B`, then the pretty arguments.
    static func cardRows(_ call: ToolCallState, width: Int, live: Bool, strings: LongStringCache? = nil,
                         argumentsShown: Bool = true) -> [StyledLine] {
        var header = StyledLine("#\(call.index) ", role: .dim, attributes: [.bold])
        header.append(call.name ?? "…", role: .accent, attributes: [.bold])
        if let id = call.id {
            let shown = id.count > 10 ? String(id.prefix(9)) + "…" : id
            header.append("  " + shown, role: .dim)
        }
        let bytes = call.arguments.utf8.count
        let (statusText, statusRole): (String, StyleRole) = {
            switch call.status {
            case .assembling: return ("◌ assembling · \(UsageRenderer.bytes(bytes))", .warning)
            case .valid: return ("✓ valid JSON · \(UsageRenderer.bytes(bytes))", .good)
            case .invalid(let offset): return ("✗ invalid JSON at byte \(offset) · \(UsageRenderer.bytes(bytes))", .error)
            }
        }()
        let statusWidth = DisplayWidth.of(statusText)
        if header.width + 2 + statusWidth <= width {
            header.append(String(repeating: " ", count: width - header.width - statusWidth))
            header.append(statusText, role: statusRole)
            guard argumentsShown else { return [header] }
            var rows = [header]
            rows += argumentRows(call, width: width, live: live, strings: strings)
            return rows
        }
        var rows = [header, StyledLine("  " + statusText, role: statusRole)]
        guard argumentsShown else { return rows }
        rows += argumentRows(call, width: width, live: live, strings: strings)
        return rows
    }

    static func argumentRows(_ call: ToolCallState, width: Int, live: Bool, strings: LongStringCache?) -> [StyledLine] {
        if call.arguments.isEmpty {
            return [StyledLine(call.status == .assembling ? "  (no arguments yet)" : "  (no arguments)", role: .dim)]
        }
        // The incremental tree from core when it has one; the tolerant text printer otherwise
        // (invalid JSON, or a snapshot built without the tree).
        let pretty: [StyledLine]
        if case .invalid = call.partial.status {
            pretty = JSONPrettyPrinter.lines(call.arguments, width: width - 1)
        } else if let tree = PartialJSONRenderer.lines(call.partial, width: width - 1, strings: strings) {
            pretty = tree
        } else {
            pretty = JSONPrettyPrinter.lines(call.arguments, width: width - 1)
        }
        var rows = pretty.map { StyledLine(cells: [Cell()] + $0.cells) }
        if call.status == .assembling, live { TranscriptRenderer.appendCursor(to: &rows, width: width) }
        return rows
    }
}
