import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Chunk inspector: rows over the raw-text budget")
struct ChunksRawBudgetTests {
    /// A log with a 1 KiB budget and 40 chunk rows: the oldest have their raw text released.
    static func budgetedLog() -> InspectorEventLog.Slice {
        let log = InspectorEventLog(rawBudget: 1024)
        for n in 1...40 {
            let raw = Fixtures.chunkJSON(#"{"content":"w\#(n)"}"#)
            log.append(InspectorEvent(sequence: n, time: UInt64(n) * Fixtures.ms, gap: Fixtures.ms,
                                      size: raw.utf8.count + 8, chunkData: raw))
        }
        return log.slice()
    }

    @Test("the expanded view of a released row says why its JSON is gone and keeps its summary")
    func releasedRowDetail() {
        let events = Self.budgetedLog()
        #expect(events[0].rawDropped)
        let lines = ChunksRenderer.detailLines(events[0], width: 100, rawBudget: events.rawBudget).map(\.text)
        #expect(lines == [
            "raw JSON not kept: over the 1 KiB inspector budget (the newest events keep theirs)",
            #"delta.content "w1""#,
        ])
        // The newest row keeps its pretty JSON.
        let newest = ChunksRenderer.detailLines(events[39], width: 100, rawBudget: events.rawBudget).map(\.text)
        #expect(newest.contains { $0.contains(#""content": "w40""#) })
        // Narrow panes wrap the message instead of cutting it.
        let narrow = ChunksRenderer.detailLines(events[0], width: 30, rawBudget: events.rawBudget)
        #expect(narrow.allSatisfy { $0.width <= 30 })
        #expect(narrow.map(\.text).joined(separator: " ").contains("inspector budget"))
    }

    @Test("the pane draws the message below the table for a selected released row")
    func releasedRowInPane() {
        let snapshot = SessionSnapshot(state: .streaming, events: Self.budgetedLog())
        var view = ChunksViewState()
        view.selected = 0
        view.expanded = true
        var grid = Grid(width: 100, height: 20)
        ChunksRenderer().render(snapshot, view: view, focused: true, into: &grid, in: grid.bounds)
        let text = grid.textRows.joined(separator: "\n")
        #expect(text.contains("raw JSON not kept: over the 1 KiB inspector budget"))
        #expect(text.contains(#"delta.content "w1""#))
    }

    @Test("inspector search still finds released rows by their summary")
    func searchMatchesSummary() {
        let live = SessionSnapshot(state: .streaming, events: Self.budgetedLog())
        #expect(live.events[2].rawDropped)
        var s = DashboardState(size: TerminalSize(width: 120, height: 40), session: Fixtures.session)
        s.focus = .chunks
        _ = s.handle(.char("/"), live: live)
        for c in #""w3""# { _ = s.handle(.char(c), live: nil) }
        _ = s.handle(.key(.enter), live: live)
        #expect(s.chunks.selected == 2)
    }
}
