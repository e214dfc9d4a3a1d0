import GRDB

/// The history database's versioned migrations, from the first schema on.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "conversation") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("profile", .text)
                t.column("baseURL", .text)
                t.column("created", .double).notNull()
                t.column("updated", .double).notNull()
            }
            try db.create(table: "exchange") { t in
                t.primaryKey("id", .text)
                t.belongsTo("conversation", onDelete: .cascade).notNull()
                t.column("turn", .integer).notNull()
                t.column("attempt", .integer).notNull()
                t.column("model", .text)
                t.column("prompt", .text).notNull()
                t.column("reply", .text).notNull().defaults(to: "")
                t.column("requestBody", .blob)
                t.column("status", .integer)
                t.column("finished", .boolean).notNull().defaults(to: false)
                t.column("promptTokens", .integer)
                t.column("completionTokens", .integer)
                t.column("started", .double).notNull()
            }
            try db.create(table: "streamPiece") { t in
                t.belongsTo("exchange", onDelete: .cascade).notNull()
                t.column("seq", .integer).notNull()
                // Capture-format lines (CaptureWriter): concatenated in seq order they are the
                // exchange's capture, read timings included; no end record means it was cut.
                t.column("capture", .blob).notNull()
                t.primaryKey(["exchangeId", "seq"])
            }
            try db.create(virtualTable: "exchangeText", using: FTS5()) { t in
                t.column("exchangeId").notIndexed()
                t.column("prompt")
                t.column("reply")
            }
        }
        return migrator
    }
}
