import Foundation
import Testing
@testable import ChunkScopeCore

/// Runs every `Tests/Fixtures/NAME.sse` through the pipeline and compares the `check --json`
/// result with `NAME.expected.json` (choices/usage/events from the official OpenAI SDK, or derived
/// as the sibling `NAME.note.md` explains; diagnostics are ChunkScope's own, reviewed in diffs).
/// `CHUNKSCOPE_RECORD_FIXTURES=1 swift test` re-records the `diagnostics` of every expectation.
@Suite("Fixture corpus")
struct FixtureReplayTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".sse") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func body(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".sse")))
    }

    static func report(_ body: [UInt8], splits: [Int]) -> JSONValue {
        var pipeline = StreamPipeline()
        var start = 0
        for cut in splits + [body.count] where cut > start {
            pipeline.feed(Array(body[start..<cut]), at: 0)
            start = cut
        }
        pipeline.finish(at: 0)
        return pipeline.report().jsonValue()
    }

    @Test("the corpus has at least 30 fixtures, each with an expectation")
    func corpusSize() {
        #expect(Self.names.count >= 30)
        for name in Self.names {
            let expected = Self.directory.appendingPathComponent(name + ".expected.json")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no expected.json")
        }
    }

    @Test("whole-body result equals the expectation", arguments: FixtureReplayTests.names)
    func matchesExpectation(name: String) throws {
        let actual = Self.report(try Self.body(name), splits: [])
        let url = Self.directory.appendingPathComponent(name + ".expected.json")
        let expectedText = try String(contentsOf: url, encoding: .utf8)
        var expected = try JSONParser.parse(expectedText)
        if ProcessInfo.processInfo.environment["CHUNKSCOPE_RECORD_FIXTURES"] == "1",
           case .object(var members) = expected, let i = members.firstIndex(where: { $0.key == "diagnostics" }) {
            members[i].value = actual["diagnostics"] ?? .array([])
            expected = .object(members)
            try (expected.serialized(pretty: true) + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        for key in ["choices", "usage", "events", "diagnostics"] {
            #expect(JSONComparison.normalized(actual[key]) == JSONComparison.normalized(expected[key]),
                    "\(name): \(key) differs\n  actual:   \(actual[key]?.serialized() ?? "absent")\n  expected: \(expected[key]?.serialized() ?? "absent")")
        }
    }

    @Test("byte-by-byte and random splits give the whole-body result", arguments: FixtureReplayTests.names)
    func splitInvariance(name: String) throws {
        let body = try Self.body(name)
        let whole = Self.report(body, splits: [])
        #expect(Self.report(body, splits: Array(0..<body.count)) == whole, "\(name): byte by byte")
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        for round in 0..<8 {
            let count = 1 + Int(rng.next() % 12)
            let splits = (0..<count).map { _ in Int(rng.next() % UInt64(max(body.count, 1))) }.sorted()
            #expect(Self.report(body, splits: splits) == whole, "\(name): round \(round) splits \(splits)")
        }
    }
}
