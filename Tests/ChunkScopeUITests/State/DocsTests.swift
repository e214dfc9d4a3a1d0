import Foundation
import Testing
@testable import ChunkScopeUI

@Suite("Docs")
struct DocsTests {
    @Test("the keys table in README.md matches Keymap.standard")
    func keysTable() throws {
        let url = Golden.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->"
        let start = try #require(doc.range(of: begin)), stop = try #require(doc.range(of: end))
        let table = Keymap.standard.markdownTable()
        if Golden.recording {
            let updated = doc.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table)
            try updated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(doc[start.upperBound..<stop.lowerBound]) == table, "re-record with CHUNKSCOPE_RECORD_GOLDENS=1")
    }
}
