import ChunkScopeCore
import Foundation
import GRDB

/// Why the history database could not be used; the chat goes on without it.
public enum HistoryStoreError: Error, Equatable, CustomStringConvertible {
    case readOnly(path: String)
    case diskFull(path: String)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .readOnly(let path): "history: \(path) is read-only; this conversation is kept in memory only"
        case .diskFull(let path): "history: the disk holding \(path) is full; this conversation is kept in memory only"
        case .unusable(let path, let reason): "history: cannot use \(path) (\(reason)); this conversation is kept in memory only"
        }
    }

    static func from(_ error: any Error, path: String) -> HistoryStoreError {
        guard let dbError = error as? DatabaseError else {
            return .unusable(path: path, reason: String(describing: error))
        }
        switch dbError.resultCode {
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        default: return .unusable(path: path, reason: dbError.message ?? "\(dbError.resultCode)")
        }
    }
}

/// One row of `history list`.
public struct ConversationSummary: Sendable, Equatable {
    public let id: String
    public let title: String
    public let profile: String?
    public let created: Date
    public let updated: Date
    public let model: String?
    public let turns: Int
    public let tokens: Int?
}

/// The SQLite history file: WAL, a busy timeout so two writers can share it, owner-only
/// permissions, secure delete, versioned migrations. All writes go through its one queue.
public final class HistoryStore: Sendable {
    /// The database file.
    public let path: String
    /// Where a corrupt file found at `path` was moved before a new one was made, if that happened.
    public let movedAside: String?
    let queue: DatabaseQueue

    /// `$XDG_DATA_HOME/chunkscope/history.sqlite`, or `~/.local/share/chunkscope/history.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/chunkscope/history.sqlite"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/share/chunkscope/history.sqlite"
    }

    /// Opens (creating if needed) the database at `path`. A file that is not a usable SQLite
    /// database is moved aside to `path.corrupt-<unix time>` and a new one is made.
    public init(path: String, now: Date = Date()) throws(HistoryStoreError) {
        self.path = path
        do {
            try Self.prepareFile(at: path)
        } catch {
            throw HistoryStoreError.from(error, path: path)
        }
        do {
            self.queue = try Self.openMigrated(path: path)
            self.movedAside = nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let aside = "\(path).corrupt-\(Int(now.timeIntervalSince1970))"
            do {
                try FileManager.default.moveItem(atPath: path, toPath: aside)
                for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                    try FileManager.default.removeItem(atPath: path + suffix)
                }
                try Self.prepareFile(at: path)
                self.queue = try Self.openMigrated(path: path)
            } catch {
                throw HistoryStoreError.from(error, path: path)
            }
            self.movedAside = aside
        } catch {
            throw HistoryStoreError.from(error, path: path)
        }
    }

    /// Folder 0700, file 0600 (created empty so SQLite's WAL and shm files inherit its mode).
    private static func prepareFile(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    private static func openMigrated(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            // Fails with SQLITE_NOTADB on a file that is not a database.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        try migrate(queue)
        return queue
    }

    /// Runs the migrations. Two processes opening one new file at once both see it unmigrated;
    /// the one whose schema transaction loses fails (its transaction is rolled back), and running
    /// the migrator again then finds the winner's migrations applied.
    private static func migrate(_ queue: DatabaseQueue) throws {
        var attempt = 0
        while true {
            do {
                try HistorySchema.migrator.migrate(queue)
                return
            } catch is DatabaseError where attempt < 5 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            }
        }
    }

    /// A new conversation titled from its first prompt; returns its short id.
    public func createConversation(title: String, profile: String?, baseURL: String?, at date: Date = Date()) throws(HistoryStoreError) -> String {
        let shortTitle = Self.title(fromPrompt: title)
        return try write { db in
            let id = try Self.unusedID(in: db, table: "conversation")
            try db.execute(
                sql: "INSERT INTO conversation (id, title, profile, baseURL, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, shortTitle, profile, baseURL.map(Self.withoutCredentials), date.timeIntervalSince1970, date.timeIntervalSince1970])
            return id
        }
    }

    /// Starts recording one exchange of `conversation`; its stream is written through the result.
    public func beginExchange(
        conversation: String, turn: Int, attempt: Int, model: String?, prompt: String,
        requestBody: [UInt8]?, at date: Date = Date()
    ) throws(HistoryStoreError) -> ExchangeWriter {
        let id: String = try write { db in
            let id = try Self.unusedID(in: db, table: "exchange")
            try db.execute(
                sql: """
                    INSERT INTO exchange (id, conversationId, turn, attempt, model, prompt, requestBody, started)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, conversation, turn, attempt, model, prompt, requestBody.map { Data($0) }, date.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO exchangeText (exchangeId, prompt, reply) VALUES (?, ?, '')", arguments: [id, prompt])
            try db.execute(sql: "UPDATE conversation SET updated = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, conversation])
            return id
        }
        return ExchangeWriter(store: self, exchangeID: id)
    }

    /// Conversations newest first.
    public func conversations(limit: Int? = nil) throws(HistoryStoreError) -> [ConversationSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.title, c.profile, c.created, c.updated,
                       (SELECT model FROM exchange e WHERE e.conversationId = c.id ORDER BY e.started DESC LIMIT 1) AS model,
                       (SELECT COUNT(DISTINCT turn) FROM exchange e WHERE e.conversationId = c.id) AS turns,
                       (SELECT SUM(promptTokens + completionTokens) FROM exchange e WHERE e.conversationId = c.id) AS tokens
                FROM conversation c ORDER BY c.updated DESC, c.rowid DESC LIMIT ?
                """, arguments: [limit ?? -1])
            return rows.map(Self.summary)
        }
    }

    /// Conversations whose prompts or replies match `text` (FTS5, each word a prefix-free term).
    public func search(_ text: String) throws(HistoryStoreError) -> [ConversationSummary] {
        guard let pattern = FTS5Pattern(matchingAllTokensIn: text) else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.title, c.profile, c.created, c.updated,
                       (SELECT model FROM exchange e WHERE e.conversationId = c.id ORDER BY e.started DESC LIMIT 1) AS model,
                       (SELECT COUNT(DISTINCT turn) FROM exchange e WHERE e.conversationId = c.id) AS turns,
                       (SELECT SUM(promptTokens + completionTokens) FROM exchange e WHERE e.conversationId = c.id) AS tokens
                FROM conversation c
                WHERE c.id IN (SELECT e.conversationId FROM exchange e JOIN exchangeText t ON t.exchangeId = e.id
                               WHERE exchangeText MATCH ?)
                ORDER BY c.updated DESC
                """, arguments: [pattern])
            return rows.map(Self.summary)
        }
    }

    /// The ids of a conversation's exchanges, in the order they were sent.
    public func exchangeIDs(ofConversation id: String) throws(HistoryStoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM exchange WHERE conversationId = ? ORDER BY turn, attempt, started, rowid", arguments: [id])
        }
    }

    /// The capture of exchange `id` as stored so far, and whether its stream was finished.
    public func capture(ofExchange id: String) throws(HistoryStoreError) -> (capture: [UInt8], finished: Bool)? {
        try read { db in
            guard let finished = try Bool.fetchOne(db, sql: "SELECT finished FROM exchange WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let pieces = try Data.fetchAll(db, sql: "SELECT capture FROM streamPiece WHERE exchangeId = ? ORDER BY seq", arguments: [id])
            return (pieces.flatMap { [UInt8]($0) }, finished)
        }
    }

    /// Deletes conversations and everything stored for them, then checkpoints the WAL so the
    /// deleted text is gone from both files. Returns how many existed.
    @discardableResult
    public func delete(conversations ids: [String]) throws(HistoryStoreError) -> Int {
        let count: Int = try write { db in
            var deleted = 0
            for id in ids {
                try db.execute(sql: "DELETE FROM exchangeText WHERE exchangeId IN (SELECT id FROM exchange WHERE conversationId = ?)", arguments: [id])
                try db.execute(sql: "DELETE FROM streamPiece WHERE exchangeId IN (SELECT id FROM exchange WHERE conversationId = ?)", arguments: [id])
                try db.execute(sql: "DELETE FROM exchange WHERE conversationId = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM conversation WHERE id = ?", arguments: [id])
                deleted += db.changesCount
            }
            return deleted
        }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO exchangeText(exchangeText) VALUES('optimize')")
                try db.execute(sql: "VACUUM")
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw HistoryStoreError.from(error, path: path)
        }
        return count
    }

    func write<T>(_ body: (Database) throws -> T) throws(HistoryStoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw HistoryStoreError.from(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(HistoryStoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw HistoryStoreError.from(error, path: path)
        }
    }

    private static func summary(_ row: Row) -> ConversationSummary {
        ConversationSummary(
            id: row["id"], title: row["title"], profile: row["profile"],
            created: Date(timeIntervalSince1970: row["created"]), updated: Date(timeIntervalSince1970: row["updated"]),
            model: row["model"], turns: row["turns"], tokens: row["tokens"])
    }

    /// The first line of the prompt, at most 80 characters.
    static func title(fromPrompt prompt: String) -> String {
        let firstLine = prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 80 ? String(trimmed.prefix(79)) + "…" : trimmed
    }

    /// `url` with any user:password@ removed.
    static func withoutCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "" }
        components.user = nil
        components.password = nil
        return components.string ?? ""
    }

    /// Eight lowercase base-32 characters not yet used as an id in `table`.
    private static func unusedID(in db: Database, table: String) throws -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        while true {
            let id = String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
            if try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]).orFalse {
                return id
            }
        }
    }
}

private extension Optional<Bool> {
    var orFalse: Bool { self ?? false }
}
