import ChunkScopeCore
import Foundation

/// The `.sse` fixture corpus under `Tests/Fixtures`, read through the real SSE decoder.
enum FixtureCorpus {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Chunk
            .deletingLastPathComponent()  // ChunkScopeCoreTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Fixtures")
    }

    /// Every `.sse` file, recursively, sorted by path.
    static func files() -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "sse" }.sorted { $0.path < $1.path }
    }

    /// (file name, message data) for every message of every fixture.
    static func dataPayloads() -> [(String, String)] {
        files().flatMap { url -> [(String, String)] in
            guard let bytes = try? Data(contentsOf: url) else { return [] }
            var decoder = SSEDecoder()
            let events = decoder.feed(Array(bytes)) + decoder.finish()
            return events.compactMap {
                if case .message(let message) = $0 { (url.lastPathComponent, message.data) } else { nil }
            }
        }
    }
}
