// The README's provider-lint table is generated from `LintCode`: this test keeps the block between
// `<!-- lint:begin -->` and `<!-- lint:end -->` equal to the code table, and re-writes it when
// CHUNKSCOPE_RECORD_GOLDENS=1 (then review the diff).

import Foundation
import Testing
@testable import ChunkScopeCore

@Suite("Lint table in the README")
struct LintTableDocTests {
    /// The README at the package root.
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../README.md").standardized
    }

    /// The Markdown table of every lint code, in declaration order.
    static func markdownTable() -> String {
        var lines = ["| Code | Severity | Meaning |", "|---|---|---|"]
        for code in LintCode.allCases {
            lines.append("| \(code.rawValue) | \(code.severity.rawValue) | \(code.title) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the README's lint table matches LintCode.allCases")
    func lintTable() throws {
        let url = Self.readme
        let doc = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- lint:begin -->\n", end = "<!-- lint:end -->"
        let start = try #require(doc.range(of: begin)), stop = try #require(doc.range(of: end))
        #expect(start.upperBound <= stop.lowerBound)
        let table = Self.markdownTable()
        if ProcessInfo.processInfo.environment["CHUNKSCOPE_RECORD_GOLDENS"] == "1" {
            let updated = doc.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table)
            try updated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(doc[start.upperBound..<stop.lowerBound]) == table, "re-record with CHUNKSCOPE_RECORD_GOLDENS=1")
    }

    @Test("the table lists every code once, CS110 included")
    func everyCode() {
        let table = Self.markdownTable()
        for code in LintCode.allCases {
            #expect(table.components(separatedBy: "| \(code.rawValue) |").count == 2, "\(code.rawValue)")
        }
        #expect(table.contains("| CS110 | info |"))
    }
}
