import ChunkScopeCore
import ChunkScopeHistory
import Foundation
import Testing

extension TransportTests {
    /// `ask` writing history and `chunkscope history …` reading it, through the built binary on a
    /// real SQLite file in a scratch folder.
    @Suite("history command")
    struct HistoryCommandTests {
        typealias Outcome = CommandLineTests.Outcome

        private static func history(_ arguments: [String], db: String, home: String) async throws -> Outcome {
            try await CommandLineTests.run(["history"] + arguments + ["--history", db], home: home)
        }

        @Test("ask writes its conversation; list and search --json give the documented items; delete really deletes")
        func askListSearchDelete() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let db = home + "/h/history.sqlite"
            for prompt in ["Tell me about otters", "Tell me about lamps"] {
                let asked = try await CommandLineTests.run(["ask", "--param", "mock_tps=0", "--history", db, prompt], home: home)
                #expect(asked.status == 0, "\(asked.stderr)")
            }
            let listed = try await Self.history(["list", "--json"], db: db, home: home)
            #expect(listed.status == 0, "\(listed.stderr)")
            guard case .array(let items) = try JSONParser.parse(listed.stdout) else {
                Issue.record("not an array: \(listed.stdout)")
                return
            }
            #expect(items.map { $0["title"]?.stringValue } == ["Tell me about lamps", "Tell me about otters"])
            for item in items {
                guard case .object(let members) = item else { continue }
                #expect(Set(members.map(\.key)) == ["id", "title", "created", "updated", "model", "profile", "turns", "tokens", "cost"])
                #expect(item["id"]?.stringValue?.count == 8)
                #expect(item["model"]?.stringValue == "mock-echo")
                #expect(item["turns"]?.intValue == 1)
                #expect((item["tokens"]?.intValue ?? 0) > 0)
                #expect(item["cost"] == .null)
            }
            let limited = try await Self.history(["list", "--json", "--limit", "1"], db: db, home: home)
            guard case .array(let newest) = try JSONParser.parse(limited.stdout) else {
                Issue.record("not an array: \(limited.stdout)")
                return
            }
            #expect(newest.map { $0["title"]?.stringValue } == ["Tell me about lamps"])

            let found = try await Self.history(["search", "otters", "--json"], db: db, home: home)
            guard case .array(let hits) = try JSONParser.parse(found.stdout) else {
                Issue.record("not an array: \(found.stdout)")
                return
            }
            #expect(hits.map { $0["title"]?.stringValue } == ["Tell me about otters"])

            let deleted = try await Self.history(["delete", "last"], db: db, home: home)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            let bytes = (FileManager.default.contents(atPath: db) ?? Data()) + (FileManager.default.contents(atPath: db + "-wal") ?? Data())
            #expect(bytes.range(of: Data("about lamps".utf8)) == nil)
            #expect(bytes.range(of: Data("about otters".utf8)) != nil)
            let unknown = try await Self.history(["delete", "zzzzzzzz"], db: db, home: home)
            #expect(unknown.status == 1)
        }

        @Test("--no-history writes nothing")
        func noHistory() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let asked = try await CommandLineTests.run(["ask", "--param", "mock_tps=0", "--no-history", "hi"], home: home)
            #expect(asked.status == 0, "\(asked.stderr)")
            #expect(!FileManager.default.fileExists(atPath: home + "/.local/share/chunkscope/history.sqlite"))
        }

        @Test("kill -9 of ask mid-stream: the exchange reopens unfinished with the stream stored so far")
        func killedMidStream() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let db = home + "/history.sqlite"
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["ask", "--model", "mock-long", "--param", "mock_tps=20", "--history", db, "a long story"]
            process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": home + "/state"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var stored: (capture: [UInt8], finished: Bool)?
            var store: HistoryStore?
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                // Open only once ask has made the file, and try again while its migration is in
                // flight: two processes migrating one new file at once still race (known, open).
                let walBytes = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
                if store == nil, walBytes > 0 { store = try? HistoryStore(path: db) }
                guard let store else { continue }
                guard let exchange = try store.conversations().first.flatMap({ try store.exchangeIDs(ofConversation: $0.id).first }) else { continue }
                if let capture = try store.capture(ofExchange: exchange),
                   let read = try? CaptureReader.read(capture.capture), read.bodyBytes.count > 200 {
                    stored = capture
                    break
                }
            }
            #expect(process.isRunning, "ask ended before it could be killed")
            #expect(kill(process.processIdentifier, SIGKILL) == 0)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(stored != nil, "nothing was stored within 20 s")
            let reopened = try HistoryStore(path: db)
            let id = try #require(try reopened.conversations().first.flatMap { try reopened.exchangeIDs(ofConversation: $0.id).first })
            let after = try #require(try reopened.capture(ofExchange: id))
            #expect(!after.finished)
            #expect(after.capture.count >= stored?.capture.count ?? Int.max)
            let capture = try CaptureReader.read(after.capture)
            #expect(!capture.isComplete)
            #expect(!capture.bodyBytes.isEmpty)
        }
    }
}
