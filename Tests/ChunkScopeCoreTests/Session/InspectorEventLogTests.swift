import Testing
@testable import ChunkScopeCore

@Suite("InspectorEventLog")
struct InspectorEventLogTests {
    @Test("rows survive segment boundaries; a slice is a fixed prefix")
    func segments() {
        let log = InspectorEventLog()
        for i in 0..<10_000 {
            log.append(InspectorEvent(sequence: i + 1, time: UInt64(i), gap: 1, size: i, kind: .comment, summary: "r\(i)", raw: ""))
        }
        let slice = log.slice()
        log.append(InspectorEvent(sequence: 10_001, time: 0, gap: 0, size: 0, kind: .done, summary: "[DONE]", raw: ""))
        #expect(slice.count == 10_000)
        #expect(log.count == 10_001)
        #expect(slice[4095].summary == "r4095")
        #expect(slice[4096].summary == "r4096")
        #expect(slice.rows(in: 4090..<4100).map(\.sequence) == Array(4091...4100))
        #expect(log.slice().last?.kind == .done)
    }

    @Test("chunk rows derive their summary from the data text on demand")
    func lazySummary() {
        let row = InspectorEvent(sequence: 1, time: 0, gap: 0, size: 10,
                                 chunkData: #"{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"}}]}"#)
        #expect(row.summary == #"delta.content "Hel""#)
        var edited = row
        edited.summary = "custom"
        #expect(edited.summary == "custom")
    }
}
