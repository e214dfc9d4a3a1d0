import ChunkScopeCore
import Foundation
import Testing

/// Hostile config files: deep nesting stops with an error naming the line (no stack overflow),
/// long dotted keys and tables with many keys cost linear time.
@Suite("TOML parser limits", .timeLimit(.minutes(1)))
struct TOMLParserLimitsTests {
    private func parseError(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("20,000 nested arrays: a clear error on the line, not a crash")
    func deepArrays() {
        let text = "x = 1\nv = " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        let error = parseError(text)
        #expect(error?.line == 2)
        #expect(error?.key == "v")
        #expect(error?.message == "arrays and tables nested deeper than \(TOMLParser.maxDepth) levels")
    }

    @Test("20,000 nested inline tables: a clear error, not a crash")
    func deepInlineTables() {
        let text = "t = " + String(repeating: "{ a = ", count: 20_000) + "1" + String(repeating: " }", count: 20_000) + "\n"
        let error = parseError(text)
        #expect(error?.line == 1)
        #expect(error?.message == "arrays and tables nested deeper than \(TOMLParser.maxDepth) levels")
    }

    @Test("20,000-part dotted key and table header: rejected fast")
    func longDottedKeys() {
        let parts = Array(repeating: "k", count: 20_000).joined(separator: ".")
        var keyError: TOMLError?
        var headerError: TOMLError?
        // The quadratic parser took 30 s and 3.2 GB on this key before crashing.
        let elapsed = seconds {
            keyError = parseError("\(parts) = 1\n")
            headerError = parseError("[\(parts)]\nx = 1\n")
        }
        #expect(elapsed < 2)
        #expect(keyError?.message == "key nested deeper than \(TOMLParser.maxDepth) levels")
        #expect(keyError?.key == "k.k.k.…")
        #expect(headerError?.message == "key nested deeper than \(TOMLParser.maxDepth) levels")
    }

    @Test("exactly maxDepth levels parse; one more is an error, wherever the levels come from")
    func depthBoundary() throws {
        let depth = TOMLParser.maxDepth
        let deepest = Array(repeating: "k", count: depth).joined(separator: ".")
        let root = try TOMLParser.parse("\(deepest) = 1\n")
        var value: TOMLValue? = .table(root)
        for _ in 0..<depth {
            guard case .table(let table)? = value else { break }
            value = table["k"]
        }
        #expect(value == .integer(1))
        #expect(parseError("\(deepest).k = 1\n")?.message == "key nested deeper than \(depth) levels")

        // Header parts, key parts and inline nesting add up.
        let header = Array(repeating: "h", count: depth - 3).joined(separator: ".")
        #expect(parseError("[\(header)]\na.b = { c = 1 }\n") == nil)
        #expect(parseError("[\(header)]\na.b = { c = [1] }\n")?.message == "arrays and tables nested deeper than \(depth) levels")
        #expect(parseError("[\(header)]\na.b = { c.d = 1 }\n")?.message == "key nested deeper than \(depth) levels")
        #expect(parseError("[\(header)]\na.b.c.d = 1\n")?.line == 2)
    }

    @Test("tables with 50,000 keys parse in linear time, at the root and under a header")
    func manyKeys() throws {
        let count = 50_000
        let keys = (0..<count).map { "key\($0) = \($0)" }.joined(separator: "\n") + "\n"
        for (text, path) in [(keys, [String]()), ("[t.u]\n" + keys, ["t", "u"])] {
            var root: TOMLTable?
            let elapsed = seconds { root = try? TOMLParser.parse(text) }
            // A linear scan per lookup, or a copy of the table per key, takes about a minute here.
            #expect(elapsed < 15, "\(path): \(elapsed) s")
            var table = root
            for name in path {
                guard case .table(let child)? = table?[name] else { table = nil; break }
                table = child
            }
            #expect(table?.entries.count == count)
            #expect(table?["key49999"] == .integer(49_999))
            #expect(parseError(text + "key5 = 1\n")?.message == "defined twice (first on line \(path.isEmpty ? 6 : 7))")
        }
    }
}
