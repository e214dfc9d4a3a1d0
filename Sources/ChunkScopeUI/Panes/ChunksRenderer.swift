// How it fits: the raw chunk inspector. The event log can hold a million rows, so nothing here
// walks it: the unfiltered table reads only the visible window (`Slice.rows(in:)`); a kind
// filter keeps an incremental index of matching rows (extended by the rows that arrived since
// the last frame). Selecting a row opens its pretty JSON below the table; `h` swaps the table
// for the request/response headers (credentials redacted again here, defensively).

import ChunkScopeCore
import Foundation

/// Draws the Chunks pane and keeps its caches.
public final class ChunksRenderer {
    /// What the table showed, for mouse hit-testing and paging.
    public struct Measure: Sendable, Hashable {
        /// The event-log index on each visible table row, top to bottom.
        public var rows: [Int]
        /// Screen row of the first table row.
        public var tableY: Int
        /// Table rows visible.
        public var viewportHeight: Int
        /// Rows listed (after the filter).
        public var contentHeight: Int
        /// How far the open JSON below the table can scroll (0 when closed or when it fits).
        public var detailMaxOffset = 0
        /// Screen row where the open JSON starts (0 when closed).
        public var detailY = 0
        /// Rows of open JSON visible (0 when closed).
        public var detailHeight = 0
    }

    private var filterKind: InspectorEvent.Kind?
    private var filtered: [Int32] = []
    private var scanned = 0
    private var firstRow: InspectorEvent?
    private var top = 0
    private var detailKey: (index: Int, width: Int, count: Int)?
    private var detailRows: [StyledLine] = []
    /// The table rows drawn last frame (by event index, with the event they show), valid for
    /// `rowCacheKey`: a following table redraws the same rows each frame, and formatting them
    /// (times, sizes, sanitised summaries) was most of this pane's cost.
    private var rowCache: [Int: (event: InspectorEvent, line: StyledLine)] = [:]
    private var rowCacheKey: (columns: Columns, needle: String, width: Int)?

    /// Creates a renderer with empty caches.
    public init() {}

    /// Draws the pane for `snapshot` with the inspector view state.
    @discardableResult
    public func render(_ snapshot: SessionSnapshot?, view: ChunksViewState, focused: Bool, into grid: inout Grid, in rect: Rect) -> Measure {
        let events = snapshot?.events ?? InspectorEventLog().slice()
        var details = "\(TranscriptRenderer.grouped(events.count)) · \(UsageRenderer.bytes(snapshot?.metrics.byteCount ?? 0))"
        let findings = snapshot?.diagnostics.count ?? 0
        if findings > 0 { details += " · \(findings) finding\(findings == 1 ? "" : "s")" }
        if let filter = view.filter { details += " · only \(filter.rawValue)" }
        if !view.search.isEmpty { details += " · /" + view.search }
        if view.showHeaders { details += " · headers" }
        let following = view.selected == nil
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: "Chunks", details: details, focused: focused,
                                       bottomLabel: !following ? ("End to follow", .dim) : nil)
        grid.fill(inner)
        var measure = Measure(rows: [], tableY: inner.y + 1, viewportHeight: 0, contentHeight: 0)
        guard inner.width > 4, inner.height > 1 else { return measure }
        if view.showHeaders {
            let lines = ChunksRenderer.headerLines(snapshot, width: inner.width - 1)
            let offset = min(view.headersOffset, max(0, lines.count - inner.height))
            for (i, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
                grid.draw(line, x: inner.x + 1, y: inner.y + i, width: inner.width - 1)
            }
            PaneChrome.drawScrollbar(into: &grid, box: rect, contentHeight: lines.count, viewportHeight: inner.height, offset: offset, focused: focused)
            measure.contentHeight = lines.count
            measure.viewportHeight = inner.height
            return measure
        }
        updateIndex(events, filter: view.filter)
        let total = view.filter == nil ? events.count : filtered.count
        let expanded = view.expanded && view.selected != nil && total > 0
        let tableHeight = expanded ? max(3, min(inner.height / 2, inner.height - 4)) : inner.height
        let viewport = max(0, tableHeight - 1)
        let columns = Columns(width: inner.width - 1, count: events.count)
        grid.draw(columns.header(), x: inner.x + 1, y: inner.y, width: inner.width - 1)
        if total == 0 {
            let message = snapshot == nil ? "No stream yet" : (view.filter == nil ? "No events yet" : "No \(view.filter!.rawValue) events")
            grid.write(message, x: inner.x + 1, y: inner.y + 1, maxX: inner.maxX, role: .dim, attributes: [.italic])
            return measure
        }
        // Position of the selection in the (filtered) list, and the window around it.
        let selectedPosition = view.selected.map { position(of: $0, total: total) }
        let maxTop = max(0, total - viewport)
        if let p = selectedPosition {
            if p < top { top = p } else if p >= top + viewport { top = p - viewport + 1 }
            top = min(max(0, top), maxTop)
        } else {
            top = maxTop
        }
        let end = min(total, top + viewport)
        let indices: [Int] = view.filter == nil ? Array(top..<end) : filtered[top..<end].map { Int($0) }
        let rows: [InspectorEvent] = view.filter == nil ? events.rows(in: top..<end)
            : indices.map { events[$0] }
        let needle = view.search.lowercased()
        if let key = rowCacheKey, key.columns == columns, key.needle == needle, key.width == inner.width - 1 {} else {
            rowCache = [:]
            rowCacheKey = (columns, needle, inner.width - 1)
        }
        var drawnRows: [Int: (event: InspectorEvent, line: StyledLine)] = [:]
        drawnRows.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            let selected = view.selected == indices[i]
            let formatted: StyledLine
            if let cached = rowCache[indices[i]], cached.event == row {
                formatted = cached.line
            } else {
                formatted = columns.row(row, needle: needle).truncated(to: inner.width - 1)
            }
            drawnRows[indices[i]] = (row, formatted)
            var line = formatted
            if selected {
                for c in line.cells.indices where line.cells[c].role != .escape && line.cells[c].role != .match {
                    line.cells[c].role = .selection
                }
                line.fill = .selection
                line.cells.insert(Cell(text: "▶", role: .selection), at: 0)
                grid.draw(line, x: inner.x, y: inner.y + 1 + i, width: inner.width)
            } else {
                grid.draw(line, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 1)
            }
        }
        rowCache = drawnRows
        measure = Measure(rows: indices, tableY: inner.y + 1, viewportHeight: viewport, contentHeight: total)
        PaneChrome.drawScrollbar(into: &grid, box: Rect(x: rect.x, y: rect.y, width: rect.width, height: tableHeight + 2),
                                 contentHeight: total, viewportHeight: viewport, offset: top, focused: focused)
        if expanded, let selected = view.selected, selected < events.count {
            let detailY = inner.y + tableHeight
            let row = events[selected]
            let width = inner.width - 1
            var separator = StyledLine("─ #\(row.sequence) \(row.kind.rawValue) · \(UsageRenderer.bytes(row.size)) · t \(row.time / 1_000_000) ms ", role: .border)
            separator.cells += Array(repeating: Cell(text: "─", role: .border), count: max(0, inner.width - separator.width))
            grid.draw(separator, x: inner.x, y: detailY, width: inner.width)
            if detailKey == nil || detailKey! != (selected, width, events.count) || detailRows.isEmpty {
                detailRows = ChunksRenderer.detailLines(row, width: width, rawBudget: events.rawBudget)
                detailKey = (selected, width, events.count)
            }
            let height = inner.maxY - detailY - 1
            measure.detailMaxOffset = max(0, detailRows.count - height)
            measure.detailY = detailY + 1
            measure.detailHeight = height
            let offset = min(view.detailOffset, measure.detailMaxOffset)
            for (i, line) in detailRows.dropFirst(offset).prefix(height).enumerated() {
                var shown = line
                if !needle.isEmpty { ChunksRenderer.highlight(&shown.cells, needle: needle) }
                grid.draw(shown, x: inner.x + 1, y: detailY + 1 + i, width: width)
            }
        }
        return measure
    }

    /// Position of event-log index `index` in the listed rows (nearest following when hidden).
    private func position(of index: Int, total: Int) -> Int {
        guard filterKind != nil else { return min(index, total - 1) }
        var low = 0, high = filtered.count
        while low < high {
            let mid = (low + high) / 2
            if Int(filtered[mid]) < index { low = mid + 1 } else { high = mid }
        }
        return min(low, total - 1)
    }

    /// Extends (or rebuilds) the index of rows matching the filter.
    private func updateIndex(_ events: InspectorEventLog.Slice, filter: InspectorEvent.Kind?) {
        let first = events.isEmpty ? nil : events[0]
        // Identity by position fields: a row whose raw text was released is still the same row.
        let sameFirst = first?.sequence == firstRow?.sequence && first?.time == firstRow?.time && first?.kind == firstRow?.kind
        if filter != filterKind || !sameFirst || events.count < scanned {
            filterKind = filter
            filtered = []
            scanned = 0
            firstRow = first
            top = 0
        }
        guard let filter, scanned < events.count else {
            scanned = events.count
            return
        }
        var start = scanned
        while start < events.count {
            let end = min(events.count, start + 4096)
            for (offset, row) in events.rows(in: start..<end).enumerated() where row.kind == filter {
                filtered.append(Int32(start + offset))
            }
            start = end
        }
        scanned = events.count
    }

    /// Marks occurrences of `needle` (lowercased) in cells with the `.match` role.
    static func highlight(_ cells: inout [Cell], needle: String) {
        let pattern = needle.map { String($0) }
        guard !pattern.isEmpty, cells.count >= pattern.count else { return }
        var i = 0
        while i + pattern.count <= cells.count {
            var hit = true
            for j in 0..<pattern.count where cells[i + j].text.lowercased() != pattern[j] { hit = false; break }
            if hit {
                for j in 0..<pattern.count { cells[i + j].role = .match }
                i += pattern.count
            } else {
                i += 1
            }
        }
    }

    /// The expanded view of one row: pretty JSON for JSON payloads, wrapped text otherwise; for a
    /// row whose raw text the log released (over `rawBudget`), why it is gone and its summary.
    static func detailLines(_ row: InspectorEvent, width: Int, rawBudget: Int? = nil) -> [StyledLine] {
        if row.rawDropped {
            let budget = rawBudget.map { "the " + InspectorEventLog.describe(bytes: $0) } ?? "the"
            let note = "raw JSON not kept: over \(budget) inspector budget (the newest events keep theirs)"
            var out = TextWrapper.wrap(StyledLine(note, role: .dim, attributes: [.italic]).cells, width: width)
                .map { StyledLine(cells: $0) }
            out += TextWrapper.wrap(StyledLine.cells(row.summary, role: .text), width: width)
                .map { StyledLine(cells: $0) }
            return out
        }
        let trimmed = row.raw.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if row.raw.utf8.count > GiantLine.threshold {
            return giantDetailLines(row.raw[...], json: trimmed.first == "{" || trimmed.first == "[", width: width)
        }
        if trimmed.first == "{" || trimmed.first == "[" {
            return JSONPrettyPrinter.lines(row.raw, width: width)
        }
        let role: StyleRole = row.kind == .lint ? .warning : (row.kind == .error || row.kind == .invalid ? .error : .text)
        let text = row.raw.isEmpty ? "(empty)" : row.raw
        let cells = StyledLine.cells(text, role: role, mode: .multiline)
        var out: [StyledLine] = []
        var start = 0
        for i in 0...cells.count where i == cells.count || cells[i].text == "\n" {
            out += TextWrapper.wrap(Array(cells[start..<i]), width: width).map { StyledLine(cells: $0) }
            start = i + 1
        }
        return out
    }

    /// An event too big to lay out whole (a 10 MiB chunk): its head (pretty-printed when it is
    /// JSON, which the printer shows as far as it goes), a marker, and its tail as plain text, so
    /// opening it costs the window, not the event's size.
    static func giantDetailLines(_ raw: Substring, json: Bool, width: Int) -> [StyledLine] {
        let utf8 = raw.utf8
        let head = raw[..<utf8.index(utf8.startIndex, offsetBy: GiantLine.shownBytes)]
        let tail = raw[utf8.index(utf8.endIndex, offsetBy: -GiantLine.shownBytes)...]
        var out = json ? JSONPrettyPrinter.lines(String(head), width: width)
            : TextWrapper.wrap(StyledLine.cells(String(head), role: .text), width: width).map { StyledLine(cells: $0) }
        out.append(GiantLine.marker(hidden: utf8.distance(from: head.endIndex, to: tail.startIndex), total: utf8.count))
        out += TextWrapper.wrap(StyledLine.cells(String(tail), role: .dim), width: width).map { StyledLine(cells: $0) }
        return out
    }

    /// Header names whose values are always hidden, even if upstream redaction missed them.
    static func isSecretHeader(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie"
            || n.contains("api-key") || n.contains("apikey") || n.contains("token") || n.contains("secret")
            || n.hasSuffix("-key") || n == "key"
    }

    /// A value that looks like a credential wherever it appears (`Bearer …`, `sk-…`).
    static func looksSecret(_ value: String) -> Bool {
        let v = value.trimmingCharacters(in: " ")
        if v.lowercased().hasPrefix("bearer ") || v.lowercased().hasPrefix("basic ") { return !v.contains("•") && !v.lowercased().contains("redacted") }
        for prefix in ["sk-", "sk_", "gsk_", "xai-", "pk-", "rk-", "AIza"] where v.hasPrefix(prefix) && v.count > 12 { return true }
        return false
    }

    /// The headers view: request line and headers, response status and headers, transport notes.
    static func headerLines(_ snapshot: SessionSnapshot?, width: Int) -> [StyledLine] {
        guard let snapshot else { return [StyledLine("No request yet", role: .dim, attributes: [.italic])] }
        var out: [StyledLine] = []
        func header(_ h: HTTPHeader) {
            var line = StyledLine(h.name, role: .jsonKey)
            line.append(": ", role: .dim)
            if isSecretHeader(h.name) || looksSecret(h.value) {
                line.append("•••• (redacted)", role: .dim)
            } else {
                line.append(h.value, role: .text)
            }
            out += TextWrapper.wrap(line.cells, width: width, continuationIndent: [Cell(), Cell()]).map { StyledLine(cells: $0) }
        }
        out.append(StyledLine("Request", role: .heading, attributes: [.bold]))
        if let request = snapshot.request {
            var line = StyledLine(request.method + " ", role: .accent, attributes: [.bold])
            line.append(request.url)
            out += TextWrapper.wrap(line.cells, width: width).map { StyledLine(cells: $0) }
            request.headers.forEach(header)
        } else {
            out.append(StyledLine("(not sent)", role: .dim))
        }
        out.append(StyledLine())
        out.append(StyledLine("Response", role: .heading, attributes: [.bold]))
        if let response = snapshot.response {
            out.append(StyledLine("HTTP \(response.status)", role: (200..<300).contains(response.status) ? .good : .error, attributes: [.bold]))
            response.headers.forEach(header)
        } else {
            out.append(StyledLine("(no response yet)", role: .dim))
        }
        if !snapshot.notes.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine("Notes", role: .heading, attributes: [.bold]))
            for note in snapshot.notes { out += TextWrapper.wrap(StyledLine.cells(note, role: .dim), width: width).map { StyledLine(cells: $0) } }
        }
        return out
    }

    /// Table columns fitted to a width.
    struct Columns: Equatable {
        var sequenceWidth: Int
        var showTime: Bool
        var showGap: Bool
        var showSize: Bool
        var width: Int

        init(width: Int, count: Int) {
            self.width = width
            sequenceWidth = max(3, String(count).count)
            showTime = width >= 56
            showSize = width >= 44
            showGap = width >= 34
        }

        func pad(_ s: String, _ n: Int, right: Bool = true) -> String {
            let w = DisplayWidth.of(s)
            if w >= n { return s }
            return right ? String(repeating: " ", count: n - w) + s : s + String(repeating: " ", count: n - w)
        }

        func header() -> StyledLine {
            var text = pad("#", sequenceWidth)
            if showTime { text += " " + pad("t ms", 7) }
            if showGap { text += " " + pad("Δ ms", 6) }
            if showSize { text += " " + pad("size", 6) }
            text += "  " + pad("kind", 8, right: false) + "summary"
            return StyledLine(text, role: .dim, attributes: [.bold])
        }

        static func ms(_ nanos: UInt64) -> String {
            let value = Double(nanos) / 1e6
            return value < 10 ? String(format: "%.1f", value) : String(Int(value))
        }

        static func size(_ n: Int) -> String {
            if n == 0 { return "—" }
            if n < 10_000 { return String(n) }
            if n < 1_000_000 { return String(format: "%.0fK", Double(n) / 1000) }
            return String(format: "%.1fM", Double(n) / 1e6)
        }

        func row(_ row: InspectorEvent, needle: String) -> StyledLine {
            let kindRole: StyleRole = switch row.kind {
            case .data: .text
            case .comment, .retry: .dim
            case .done: .good
            case .error, .invalid: .error
            case .lint: .warning
            }
            var line = StyledLine(pad(row.sequence > 0 ? String(row.sequence) : "—", sequenceWidth), role: .dim)
            if showTime { line.append(" " + pad(Columns.ms(row.time), 7), role: .text) }
            if showGap { line.append(" " + pad(Columns.ms(row.gap), 6), role: .dim) }
            if showSize { line.append(" " + pad(Columns.size(row.size), 6), role: .text) }
            line.append("  " + pad(row.kind.rawValue, 8, right: false), role: kindRole)
            var summary = StyledLine.cells(row.summary, role: row.kind == .lint ? .warning : .text)
            if !needle.isEmpty { ChunksRenderer.highlight(&summary, needle: needle) }
            line.cells += summary
            return line
        }
    }
}
