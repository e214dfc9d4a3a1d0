import ChunkScopeCore
@testable import ChunkScopeHistory
import Foundation
import GRDB
import Synchronization
import Testing

/// A fresh temporary folder per test, removed afterwards.
private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = NSTemporaryDirectory() + "history-tests-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}

private func fileBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}

/// True when the database file or its WAL holds `needle` (a plain Bool, so a failing
/// expectation does not print the whole file).
private func fileHolds(_ path: String, _ needle: String) -> Bool {
    contains(fileBytes(path) + fileBytes(path + "-wal"), needle)
}

private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard !n.isEmpty, haystack.count >= n.count else { return false }
    return (0...(haystack.count - n.count)).contains { haystack[$0..<($0 + n.count)].elementsEqual(n) }
}

@Suite("HistoryStore")
struct HistoryStoreTests {
    @Test func freshFileIsMigratedInWALWithOwnerOnlyPermissions() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/data/chunkscope/history.sqlite"
            let store = try HistoryStore(path: path)
            let (tables, mode, migrations) = try store.read { db in
                (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name"),
                 try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            }
            #expect(Set(["conversation", "exchange", "streamPiece", "exchangeText"]).isSubset(of: Set(tables)))
            #expect(mode == "wal")
            #expect(migrations == ["v1"])
            let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            let folderMode = try FileManager.default.attributesOfItem(atPath: folder + "/data/chunkscope")[.posixPermissions] as? Int
            #expect(fileMode == 0o600)
            #expect(folderMode == 0o700)
            #expect(store.movedAside == nil)
        }
    }

    @Test func severalOpenersOfOneNewFileAllGetAMigratedStore() throws {
        try withTemporaryFolder { folder in
            for round in 0..<5 {
                let path = folder + "/race-\(round).sqlite"
                let failures = Mutex<[String]>([])
                DispatchQueue.concurrentPerform(iterations: 6) { _ in
                    do {
                        _ = try HistoryStore(path: path).conversations()
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                #expect(failures.withLock { $0 } == [])
                let migrations = try HistoryStore(path: path).read { db in
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                }
                #expect(migrations == ["v1"])
            }
        }
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/h.sqlite"
            let id = try HistoryStore(path: path).createConversation(title: "first prompt", profile: "p", baseURL: nil)
            let again = try HistoryStore(path: path)
            #expect(try again.conversations().map(\.id) == [id])
        }
    }

    @Test func corruptFileIsMovedAsideAndANewOneMade() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/h.sqlite"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let garbage = Data(repeating: 0x5A, count: 8192)
            #expect(FileManager.default.createFile(atPath: path, contents: garbage))
            let store = try HistoryStore(path: path, now: Date(timeIntervalSince1970: 1_700_000_000))
            #expect(store.movedAside == path + ".corrupt-1700000000")
            #expect(FileManager.default.contents(atPath: path + ".corrupt-1700000000") == garbage)
            _ = try store.createConversation(title: "works", profile: nil, baseURL: nil)
            #expect(try store.conversations().count == 1)
        }
    }

    @Test func credentialsInTheBaseURLNeverReachTheFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/h.sqlite"
            let store = try HistoryStore(path: path)
            let canary = "sk-canary-7f3e9a1c"
            let id = try store.createConversation(title: "hi", profile: nil, baseURL: "https://user:\(canary)@api.example.com/v1")
            let stored = try store.read { db in try String.fetchOne(db, sql: "SELECT baseURL FROM conversation WHERE id = ?", arguments: [id]) }
            #expect(stored == "https://api.example.com/v1")
            #expect(!fileHolds(path, canary))
        }
    }

    @Test func titleIsTheFirstLineOfThePromptShortened() {
        #expect(HistoryStore.title(fromPrompt: "  Explain SSE\nin detail") == "Explain SSE")
        let long = String(repeating: "a", count: 100)
        #expect(HistoryStore.title(fromPrompt: long) == String(repeating: "a", count: 79) + "…")
    }

    @Test func searchFindsPromptsAndRepliesByWord() throws {
        try withTemporaryFolder { folder in
            let store = try HistoryStore(path: folder + "/h.sqlite")
            let a = try store.createConversation(title: "about otters", profile: nil, baseURL: nil)
            let b = try store.createConversation(title: "about lamps", profile: nil, baseURL: nil)
            let ea = try store.beginExchange(conversation: a, turn: 0, attempt: 0, model: "m", prompt: "tell me about otters", requestBody: nil)
            ea.finish(at: 1, status: 200, reply: "Otters hold hands while sleeping.", promptTokens: 3, completionTokens: 6)
            let eb = try store.beginExchange(conversation: b, turn: 0, attempt: 0, model: "m", prompt: "tell me about lamps", requestBody: nil)
            eb.finish(at: 1, status: 200, reply: "Lamps give light.", promptTokens: 3, completionTokens: 4)
            #expect(try store.search("sleeping").map(\.id) == [a])
            #expect(try store.search("lamps").map(\.id) == [b])
            #expect(try store.search("tell about").count == 2)
            #expect(try store.search("giraffe").isEmpty)
            let listed = try store.conversations()
            #expect(listed.first { $0.id == a }?.tokens == 9)
            #expect(listed.first { $0.id == a }?.turns == 1)
            #expect(listed.first { $0.id == a }?.model == "m")
        }
    }

    @Test func deleteRemovesTheTextFromTheFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/h.sqlite"
            let store = try HistoryStore(path: path)
            let secret = "platypus-secret-phrase-42"
            let keep = try store.createConversation(title: "keep me", profile: nil, baseURL: nil)
            let gone = try store.createConversation(title: secret, profile: nil, baseURL: nil)
            let writer = try store.beginExchange(conversation: gone, turn: 0, attempt: 0, model: nil, prompt: secret, requestBody: Array(secret.utf8))
            writer.record(.bytes(Array("data: \(secret)\n\n".utf8)), at: 0)
            writer.finish(at: 1, status: 200, reply: secret, promptTokens: nil, completionTokens: nil)
            #expect(fileHolds(path, secret))
            #expect(try store.delete(conversations: [gone, "nosuchid"]) == 1)
            #expect(!fileHolds(path, secret))
            #expect(try store.conversations().map(\.id) == [keep])
        }
    }
}

@Suite("ExchangeWriter")
struct ExchangeWriterTests {
    private let inputs: [(StreamInput, UInt64)] = [
        (.response(ResponseHead(status: 200, headers: [])), 0),
        (.bytes(Array("data: {\"a\":1}\n\n".utf8)), 40_000_000),
        (.bytes(Array("data: {\"a\":2}\n\n".utf8)), 80_000_000),
        (.bytes(Array("data: {\"a\":3}\n\n".utf8)), 130_000_000),
        (.bytes(Array("data: [DONE]\n\n".utf8)), 150_000_000),
    ]

    private func expectedCapture(upTo count: Int, finishedAt end: UInt64?) -> [UInt8] {
        var writer = CaptureWriter()
        var bytes = inputs.prefix(count).flatMap { writer.record($0.0, at: $0.1) }
        if let end { bytes += writer.finish(at: end) }
        return bytes
    }

    @Test func holdsInputsUntilTheIntervalPassesThenWritesThemTogether() throws {
        try withTemporaryFolder { folder in
            let store = try HistoryStore(path: folder + "/h.sqlite")
            let conversation = try store.createConversation(title: "x", profile: nil, baseURL: nil)
            let writer = try store.beginExchange(conversation: conversation, turn: 0, attempt: 0, model: nil, prompt: "x", requestBody: nil)
            for (input, at) in inputs.prefix(3) { writer.record(input, at: at) }
            #expect(try store.capture(ofExchange: writer.exchangeID)?.capture == [])
            writer.record(inputs[3].0, at: inputs[3].1)
            let afterFlush = try store.capture(ofExchange: writer.exchangeID)
            #expect(afterFlush?.capture == expectedCapture(upTo: 4, finishedAt: nil))
            #expect(afterFlush?.finished == false)
            let pieces = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM streamPiece") }
            #expect(pieces == 1)
        }
    }

    @Test func finishedExchangeIsTheWholeCaptureAndReadsBack() throws {
        try withTemporaryFolder { folder in
            let store = try HistoryStore(path: folder + "/h.sqlite")
            let conversation = try store.createConversation(title: "x", profile: nil, baseURL: nil)
            let writer = try store.beginExchange(conversation: conversation, turn: 0, attempt: 0, model: nil, prompt: "x", requestBody: nil)
            for (input, at) in inputs { writer.record(input, at: at) }
            writer.finish(at: 160_000_000, status: 200, reply: "done", promptTokens: 1, completionTokens: 2)
            let stored = try #require(try store.capture(ofExchange: writer.exchangeID))
            #expect(stored.finished)
            #expect(stored.capture == expectedCapture(upTo: inputs.count, finishedAt: 160_000_000))
            #expect(throws: Never.self) { try CaptureReader.read(stored.capture) }
            #expect(writer.error == nil)
        }
    }

    @Test func anExchangeNeverFinishedStaysUnfinishedAfterReopening() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/h.sqlite"
            let id: String
            do {
                let store = try HistoryStore(path: path)
                let conversation = try store.createConversation(title: "x", profile: nil, baseURL: nil)
                let writer = try store.beginExchange(conversation: conversation, turn: 0, attempt: 0, model: nil, prompt: "x", requestBody: nil)
                for (input, at) in inputs.prefix(4) { writer.record(input, at: at) }
                id = writer.exchangeID
            }
            let reopened = try #require(try HistoryStore(path: path).capture(ofExchange: id))
            #expect(!reopened.finished)
            #expect(reopened.capture == expectedCapture(upTo: 4, finishedAt: nil))
        }
    }
}
