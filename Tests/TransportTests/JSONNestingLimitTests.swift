import ChunkScopeCore
@testable import ChunkScopeTransport
import Foundation
import Testing

/// JSON the user or a server hands over (`--param`, `--tools` files, HTTP error bodies) nested
/// 20,000 deep: a clear error or a plain description, never a stack overflow.
@Suite("JSON nesting limits in --param, --tools and error bodies", .timeLimit(.minutes(1)))
struct JSONNestingLimitTests {
    static let deepArrays = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
    static let deepObjects = String(repeating: #"{"a":"#, count: 20_000) + "1" + String(repeating: "}", count: 20_000)

    @Test("--param with 20,000 nested arrays or objects is explained", arguments: [deepArrays, deepObjects])
    func deepParam(json: String) {
        #expect {
            try ParamParser.parse("deep=" + json)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == "--param deep" && error.message.contains("nesting deeper than \(JSONParser.defaultMaxDepth) levels")
        }
    }

    @Test("--param at the nesting limit is accepted")
    func paramAtLimit() throws {
        let depth = JSONParser.defaultMaxDepth
        let member = try ParamParser.parse("ok=" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(member.key == "ok")
        #expect(member.value.serialized().utf8.count == 2 * depth)
    }

    @Test("a --tools file nested 20,000 deep is explained")
    func deepToolsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("deep-tools-\(UUID().uuidString).json").path
        try ("[{\"type\":\"function\",\"function\":" + Self.deepObjects + "}]").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ChatRequest.loadTools(path: path)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == "--tools" && error.message.contains("nesting deeper than \(JSONParser.defaultMaxDepth) levels")
        }
    }

    @Test("an HTTP error body nested 20,000 deep is described as text", arguments: [deepArrays, deepObjects])
    func deepErrorBody(body: String) {
        let message = HTTPErrorDescription.message(status: 500, reason: nil, contentType: "application/json",
                                                   body: Array(body.utf8), secrets: [])
        #expect(message.hasPrefix("HTTP 500 Internal Server Error: "))
        #expect(message.hasSuffix("…"))
    }
}
