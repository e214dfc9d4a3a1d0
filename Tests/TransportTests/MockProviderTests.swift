import ChunkScopeCore
import ChunkScopeTransport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MockProvider
import Testing

extension TransportTests {
    @Suite("Mock provider as an OpenAI-compatible server")
    struct MockProviderTests {
        /// A plain HTTP exchange with the mock (not through ChunkScope's transport).
        static func exchange(_ server: MockServer, path: String, method: String = "POST", body: String? = nil) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)\(path)")!)
            request.httpMethod = method
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        @Test("GET /v1/models lists every scenario")
        func models() async throws {
            let server = try await MockServer.start(pacing: .instant)
            let (status, body) = try await Self.exchange(server, path: "/v1/models", method: "GET")
            #expect(status == 200)
            let json = try JSONParser.parse(body)
            guard case .array(let data)? = json["data"] else {
                Issue.record("no data array")
                return
            }
            #expect(data.compactMap { $0["id"]?.stringValue } == MockScenario.allCases.map(\.rawValue))
            await server.shutdown()
        }

        @Test("stream: false returns one chat.completion with the same answer", arguments: ["mock-echo", "mock-tools", "mock-reasoning", "mock-n2"])
        func nonStreaming(_ model: String) async throws {
            let server = try await MockServer.start(pacing: .instant)
            let (status, body) = try await Self.exchange(server, path: "/v1/chat/completions",
                                                         body: #"{"model":"\#(model)","messages":[{"role":"user","content":"hi there"}]}"#)
            #expect(status == 200)
            let json = try JSONParser.parse(body)
            #expect(json["object"]?.stringValue == "chat.completion")
            #expect(json["id"]?.stringValue?.hasPrefix("chatcmpl-") == true)
            #expect(json["usage"]?["total_tokens"]?.intValue ?? 0 > 0)
            guard case .array(let choices)? = json["choices"] else {
                Issue.record("no choices")
                return
            }
            #expect(choices.count == (model == "mock-n2" ? 2 : 1))
            let message = choices.first?["message"]
            switch model {
            case "mock-tools":
                #expect(choices.first?["finish_reason"]?.stringValue == "tool_calls")
                #expect(message?["tool_calls"]?.serialized().contains("get_weather") == true)
            case "mock-reasoning":
                #expect(message?["reasoning_content"]?.stringValue?.isEmpty == false)
            default:
                #expect(message?["content"]?.stringValue?.contains("hi there") == true)
            }
            await server.shutdown()
        }

        @Test("usage follows stream_options.include_usage exactly as OpenAI does")
        func usageSemantics() async throws {
            let fixture = try await MockFixture.start()
            var with = fixture.request("mock-echo")
            with.includeUsage = true
            var without = with
            without.includeUsage = false
            for (request, wantsUsage) in [(with, true), (without, false)] {
                let result = await TransferProbe.run(request)
                let chunks = result.messages.filter { $0.data != "[DONE]" }.map { try? JSONParser.parse($0.data) }
                let trailer = chunks.last ?? nil
                if wantsUsage {
                    #expect(chunks.dropLast().allSatisfy { $0?["usage"] == .null }, "usage: null on every other chunk")
                    #expect(trailer?["choices"] == .array([]))
                    #expect(trailer?["usage"]?["completion_tokens"]?.intValue ?? 0 > 0)
                } else {
                    #expect(chunks.allSatisfy { $0?["usage"] == nil }, "no usage field at all")
                    #expect(trailer?["choices"] != .array([]))
                }
            }
            await fixture.server.shutdown()
        }

        @Test("absurd knobs are clamped: the server answers and keeps serving")
        func absurdKnobs() async throws {
            let server = try await MockServer.start(pacing: .instant)
            let (status, _) = try await Self.exchange(server, path: "/v1/chat/completions",
                                                      body: #"{"model":"mock-429","messages":[{"role":"user","content":"x"}],"mock_retry_after":1e300,"mock_fail_times":1e300}"#)
            #expect(status == 429)
            let (stall, _) = try await Self.exchange(server, path: "/v1/chat/completions",
                                                     body: #"{"model":"mock-echo","messages":[{"role":"user","content":"x"}],"mock_tps":-5,"mock_chunks":1e300}"#)
            #expect(stall == 200)
            let (models, _) = try await Self.exchange(server, path: "/v1/models", method: "GET")
            #expect(models == 200)
            await server.shutdown()
        }

        @Test("bad requests get OpenAI-shaped 400s")
        func badRequest() async throws {
            let server = try await MockServer.start(pacing: .instant)
            let (status, body) = try await Self.exchange(server, path: "/v1/chat/completions", body: "{not json")
            #expect(status == 400)
            #expect(body.contains("\"type\":\"invalid_request_error\""))
            let (missing, _) = try await Self.exchange(server, path: "/v1/chat/completions", body: #"{"model":"mock-echo"}"#)
            #expect(missing == 400)
            let (notFound, _) = try await Self.exchange(server, path: "/v1/nothing", method: "GET")
            #expect(notFound == 404)
            await server.shutdown()
        }

        @Test("shutdown closes stalled connections and stops the server's thread")
        func shutdownClosesEverything() async throws {
            let server = try await MockServer.start(pacing: .instant)
            let (inputs, handle) = CurlTransport.start(
                ChatRequest(baseURL: server.baseURL, model: "mock-stall", messages: [ChatMessage(role: "user", content: "x")]),
                options: TransportOptions(idleTimeout: 30))
            let consumer = Task {
                var result = TransferResult()
                for await input in inputs { result.inputs.append(input) }
                return result
            }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            await server.shutdown()
            let result = await consumer.value
            #expect(ContinuousClock.now - start < .seconds(2))
            #expect(result.failure?.kind == .transport, "the client sees the server go away: \(String(describing: result.failure))")
            #expect(await TransferProbe.eventually { handle.isFinished })
        }
    }
}
