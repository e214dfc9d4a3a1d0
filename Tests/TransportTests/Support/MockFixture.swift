import ChunkScopeCore
import ChunkScopeTransport
import MockProvider

/// Starts a mock server for one test and builds requests for it.
struct MockFixture {
    let server: MockServer

    static func start(pacing: MockPacing = .instant) async throws -> MockFixture {
        MockFixture(server: try await MockServer.start(pacing: pacing))
    }

    /// A request for `model` with one user message and extra params.
    func request(_ model: String, message: String = "hello from the tests", params: [JSONValue.Member] = [],
                 apiKey: Secret? = nil, headers: [HTTPHeader] = []) -> ChatRequest {
        ChatRequest(baseURL: server.baseURL, model: model, messages: [ChatMessage(role: "user", content: message)],
                    params: params, headers: headers, apiKey: apiKey)
    }
}
