// Golden files: text snapshots beside the tests in Goldens/. Re-record with
// CHUNKSCOPE_RECORD_GOLDENS=1 swift test --filter ChunkScopeUITests, then review the diff.

import Foundation
import Testing

enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["CHUNKSCOPE_RECORD_GOLDENS"] == "1" }

    /// Compares `actual` with Goldens/`name`.txt (records it when recording or when missing).
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if recording || existing == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if existing == nil, !recording {
                Issue.record("Recorded missing golden \(name).txt — review it and re-run", sourceLocation: sourceLocation)
            }
            return
        }
        if existing != actual {
            let expectedLines = existing!.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(expectedLines.count, actualLines.count) {
                let e = i < expectedLines.count ? String(expectedLines[i]) : "<none>"
                let a = i < actualLines.count ? String(actualLines[i]) : "<none>"
                if e != a { diff.append("line \(i + 1):\n  expected: \(e)\n  actual:   \(a)") }
                if diff.count >= 8 { break }
            }
            let report = diff.joined(separator: "\n")
            Issue.record("Golden \(name).txt differs (CHUNKSCOPE_RECORD_GOLDENS=1 to re-record):\n\(report)", sourceLocation: sourceLocation)
        }
    }
}
