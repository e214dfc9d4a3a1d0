import Foundation

/// Where captures live and how many are kept: `$XDG_STATE_HOME/chunkscope/captures`
/// (default `~/.local/state/chunkscope/captures`), newest kept, oldest removed beyond the limits.
public struct CaptureStore: Sendable {
    /// The directory holding the captures.
    public var directory: String
    /// The most capture files kept.
    public var maxFiles: Int
    /// The most bytes all captures may take together.
    public var maxTotalBytes: Int

    /// A store in `directory` with the given limits (default 200 files, 256 MiB).
    public init(directory: String, maxFiles: Int = 200, maxTotalBytes: Int = 256 << 20) {
        self.directory = directory
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
    }

    /// The default store for this environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CaptureStore {
        CaptureStore(directory: defaultDirectory(environment: environment))
    }

    /// `$XDG_STATE_HOME/chunkscope/captures`, else `~/.local/state/chunkscope/captures`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/chunkscope/captures" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/chunkscope/captures"
    }

    /// A new file path named by time and model, e.g. `20261125-004012-123-mock-echo.sse`.
    public func newCapturePath(model: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        let safeModel = String(model.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "_" }.prefix(60))
        return directory + "/" + formatter.string(from: date) + "-" + safeModel + ".sse"
    }

    /// Removes the oldest `.sse` files until at most `maxFiles` and `maxTotalBytes` remain
    /// (the newest file is always kept). Returns the removed paths.
    @discardableResult
    public func rotate() -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [(path: String, date: Date, size: Int)] = names.filter { $0.hasSuffix(".sse") }.compactMap { name in
            let path = directory + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return nil }
            return (path, attributes[.modificationDate] as? Date ?? .distantPast, attributes[.size] as? Int ?? 0)
        }
        files.sort { ($0.date, $0.path) > ($1.date, $1.path) }
        var kept = 0
        var total = 0
        var removed: [String] = []
        for file in files {
            if kept == 0 || (kept < maxFiles && total + file.size <= maxTotalBytes) {
                kept += 1
                total += file.size
            } else if (try? manager.removeItem(atPath: file.path)) != nil {
                removed.append(file.path)
            }
        }
        return removed
    }
}
