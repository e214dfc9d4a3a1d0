import ChunkScopeCore
import Foundation
import Testing

@Suite("Capture store")
struct CaptureStoreTests {
    @Test("default directory follows XDG_STATE_HOME, else ~/.local/state")
    func directory() {
        #expect(CaptureStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/chunkscope/captures")
        #expect(CaptureStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/chunkscope/captures")
        #expect(CaptureStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/chunkscope/captures")
    }

    @Test("file names carry time and a safe model name")
    func names() {
        let store = CaptureStore(directory: "/d")
        let path = store.newCapturePath(model: "meta/llama 3:8b", date: Date(timeIntervalSince1970: 0))
        #expect(path == "/d/19700101-000000-000-meta_llama_3_8b.sse")
    }

    @Test("rotation removes the oldest beyond the limits and keeps the newest")
    func rotation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<5 {
            let path = "\(dir)/\(i).sse"
            FileManager.default.createFile(atPath: path, contents: Data(repeating: 65, count: 100))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1000 + i))], ofItemAtPath: path)
        }
        FileManager.default.createFile(atPath: "\(dir)/notes.txt", contents: Data())
        let removed = CaptureStore(directory: dir, maxFiles: 3, maxTotalBytes: 250).rotate()
        #expect(Set(removed.map { ($0 as NSString).lastPathComponent }) == ["0.sse", "1.sse", "2.sse"])
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["3.sse", "4.sse", "notes.txt"])
    }

    @Test("the recorder writes as it goes, owner-only, and tee passes inputs through unchanged")
    func recorder() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString)/c.sse").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let recorder = try CaptureRecorder(path: path, notes: ["hello"])
        let inputs: [StreamInput] = [.request(RequestSummary(url: "u")), .response(ResponseHead(status: 200)),
                                     .bytes(Array("data: 1\n\n".utf8)), .bytes(Array("data: [DONE]\n\n".utf8))]
        let (source, continuation) = AsyncStream<StreamInput>.makeStream()
        for input in inputs { continuation.yield(input) }
        continuation.finish()
        var seen: [StreamInput] = []
        for await input in CaptureRecorder.tee(source, into: recorder) { seen.append(input) }
        #expect(seen == inputs)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let capture = try CaptureReader.read(contentsOf: path)
        #expect(capture.isComplete)
        #expect(capture.inputs.map(\.input) == inputs)
    }
}
