import ArgumentParser
import ChunkScopeCore
import ChunkScopeHistory
import Foundation

/// `chunkscope history …`: the conversations kept in the SQLite history.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, search and delete the conversations kept in the history database.",
        subcommands: [HistoryListCommand.self, HistorySearchCommand.self, HistoryDeleteCommand.self])
}

/// Where the history file is: `--history FILE`, else the XDG default.
struct HistoryLocationOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: "The history database (default $XDG_DATA_HOME/chunkscope/history.sqlite).")
    var file: String?

    /// The path named by `--history`, else the XDG default; nil when neither is known.
    private var path: String? {
        file ?? HistoryStore.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store at `path`, saying on stderr when a corrupt file was moved aside.
    private static func open(_ path: String) throws(HistoryStoreError) -> HistoryStore {
        let store = try HistoryStore(path: path)
        if let aside = store.movedAside {
            Console.error("history: \(path) was not a usable database; moved it to \(aside) and started a new one")
        }
        return store
    }

    /// The store a chat writes to, or nil (after saying why on stderr): the chat goes on in memory.
    func openStoreForChat() -> HistoryStore? {
        guard let path else {
            Console.error("history: neither XDG_DATA_HOME nor HOME is set; this conversation is kept in memory only")
            return nil
        }
        do {
            return try Self.open(path)
        } catch {
            Console.error(error.description)
            return nil
        }
    }

    /// Opens the store for a history command; exits 2 when there is no path, 1 when it cannot be opened.
    func openStore() throws -> HistoryStore {
        guard let path else {
            Console.error("history: no --history FILE and neither XDG_DATA_HOME nor HOME is set")
            throw ExitCode(2)
        }
        do {
            return try Self.open(path)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Conversation summaries as text lines or the `history list --json` array.
enum HistoryListing {
    /// Opens the store, prints what `fetch` finds, and turns a store or stdout failure into the exit status.
    static func run(_ location: HistoryLocationOptions, json: Bool,
                    _ fetch: (HistoryStore) throws(HistoryStoreError) -> [ConversationSummary]) throws {
        let store = try location.openStore()
        do {
            try print(try fetch(store), json: json)
        } catch let error as HistoryStoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        try Console.finishStdout(command: "chunkscope history")
    }

    static func print(_ items: [ConversationSummary], json: Bool) throws {
        if json {
            let objects: [[String: Any]] = items.map { item in
                [
                    "id": item.id, "title": item.title,
                    "created": iso8601(item.created), "updated": iso8601(item.updated),
                    "model": item.model ?? NSNull(), "profile": item.profile ?? NSNull(),
                    "turns": item.turns, "tokens": item.tokens ?? NSNull(),
                    // Prices are not stored yet, so the cost is unknown.
                    "cost": NSNull(),
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
            Console.out(String(decoding: data, as: UTF8.self))
        } else {
            for item in items {
                let model = item.model.map(SafeText.visible) ?? "-"
                Console.out("\(item.id)  \(iso8601(item.updated))  \(model)  \(item.turns) turns  \(SafeText.visible(item.title))")
            }
        }
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// `chunkscope history list [--limit N] [--json]`.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Conversations, newest first.")
    @OptionGroup var location: HistoryLocationOptions
    @Option(help: "At most this many conversations.") var limit: Int?
    @Flag(help: "A JSON array of {id,title,created,updated,model,profile,turns,tokens,cost}.") var json = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        try HistoryListing.run(location, json: json) { store throws(HistoryStoreError) in try store.conversations(limit: limit) }
    }
}

/// `chunkscope history search TEXT [--json]`.
struct HistorySearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Conversations whose prompts or replies contain every word of TEXT.")
    @OptionGroup var location: HistoryLocationOptions
    @Argument(help: "The words to find.") var text: String
    @Flag(help: "The same JSON items as `history list --json`.") var json = false

    func run() throws {
        try HistoryListing.run(location, json: json) { store throws(HistoryStoreError) in try store.search(text) }
    }
}

/// `chunkscope history delete ID…` (`last` = the most recent conversation).
struct HistoryDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Deletes conversations for good (the file is vacuumed).")
    @OptionGroup var location: HistoryLocationOptions
    @Argument(help: "Conversation ids, or `last`.") var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one conversation id") }
    }

    func run() throws {
        let store = try location.openStore()
        do {
            let newest = ids.contains("last") ? try store.conversations(limit: 1).first?.id : nil
            let resolved = ids.compactMap { $0 == "last" ? newest : $0 }
            let deleted = try store.delete(conversations: resolved)
            Console.out("deleted \(deleted) conversation\(deleted == 1 ? "" : "s")")
            if deleted < ids.count {
                Console.error("history: \(ids.count - deleted) of the ids named no conversation")
                throw ExitCode(1)
            }
        } catch let error as HistoryStoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
