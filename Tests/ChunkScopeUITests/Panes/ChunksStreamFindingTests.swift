import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

@Suite("Chunk inspector: findings about the response itself")
struct ChunksStreamFindingTests {
    @Test("a lint row that concerns no SSE event shows — in the # column, not 0")
    func responseLevelFinding() throws {
        let log = InspectorEventLog()
        log.append(InspectorEvent(sequence: 0, time: Fixtures.ms, gap: 0, size: 0, kind: .lint,
                                  summary: "CS101 error: HTTP status is not 2xx", raw: "HTTP status is not 2xx"))
        log.append(InspectorEvent(sequence: 1, time: Fixtures.ms, gap: Fixtures.ms, size: 150, kind: .error,
                                  summary: "body 150B", raw: "<html>"))
        let snapshot = SessionSnapshot(state: .finished, events: log.slice())
        var grid = Grid(width: 80, height: 8)
        ChunksRenderer().render(snapshot, view: ChunksViewState(), focused: false, into: &grid, in: grid.bounds)
        let rows = grid.textRows
        let lintRow = try #require(rows.first { $0.contains("CS101") }, "\(rows)")
        let bodyRow = try #require(rows.first { $0.contains("body 150B") }, "\(rows)")
        #expect(lintRow.contains("│   —"), "\(rows)")
        #expect(bodyRow.contains("│   1"), "\(rows)")
    }
}
