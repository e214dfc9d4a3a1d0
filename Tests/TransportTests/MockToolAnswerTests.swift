import ChunkScopeCore
import Foundation
import MockProvider
import Testing

extension TransportTests {
    /// `mock-tools` and `mock-parallel-tools` behave like models once tool results come back, and
    /// the mock rejects a tool history the Chat Completions API rejects.
    @Suite("Mock provider: answers to tool results")
    struct MockToolAnswerTests {
        static let assistantCall = #"{"role":"assistant","content":null,"tool_calls":[{"id":"call_w1","type":"function","function":{"name":"get_weather","arguments":"{\"location\":\"Paris\"}"}}]}"#
        static let parallelCalls = #"{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{}"}},{"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{}"}}]}"#

        static func complete(_ model: String, messages: [String]) async throws -> (status: Int, json: JSONValue) {
            let server = try await MockServer.start(pacing: .instant)
            defer { Task { await server.shutdown() } }
            let body = #"{"model":"\#(model)","stream":false,"messages":[\#(messages.joined(separator: ","))]}"#
            let (status, text) = try await MockProviderTests.exchange(server, path: "/v1/chat/completions", body: body)
            return (status, try JSONParser.parse(text))
        }

        static func firstChoice(_ json: JSONValue) -> JSONValue? {
            guard case .array(let choices)? = json["choices"] else { return nil }
            return choices.first
        }

        @Test("mock-tools answers a tool result in text that uses it")
        func singleResult() async throws {
            let (status, json) = try await Self.complete("mock-tools", messages: [
                #"{"role":"user","content":"weather in Paris?"}"#, Self.assistantCall,
                #"{"role":"tool","tool_call_id":"call_w1","content":"sunny, 21 C"}"#,
            ])
            #expect(status == 200)
            let choice = Self.firstChoice(json)
            #expect(choice?["finish_reason"]?.stringValue == "stop")
            #expect(choice?["message"]?["tool_calls"] == nil)
            #expect(choice?["message"]?["content"]?.stringValue
                == "**get_weather** returned `sunny, 21 C`. Based on that, here is the answer you asked for.")
        }

        @Test("mock-parallel-tools answers both results, each under its function's name")
        func parallelResults() async throws {
            let (status, json) = try await Self.complete("mock-parallel-tools", messages: [
                #"{"role":"user","content":"weather and time?"}"#, Self.parallelCalls,
                #"{"role":"tool","tool_call_id":"call_a","content":"rain"}"#,
                #"{"role":"tool","tool_call_id":"call_b","content":"10:42"}"#,
            ])
            #expect(status == 200)
            #expect(Self.firstChoice(json)?["message"]?["content"]?.stringValue
                == "**get_weather** returned `rain` and **get_time** returned `10:42`. Based on those results, here is the answer you asked for.")
        }

        @Test("a new user turn after the answer calls the tool again")
        func nextTurnCallsAgain() async throws {
            let (_, json) = try await Self.complete("mock-tools", messages: [
                #"{"role":"user","content":"weather in Paris?"}"#, Self.assistantCall,
                #"{"role":"tool","tool_call_id":"call_w1","content":"sunny"}"#,
                #"{"role":"assistant","content":"It is sunny."}"#, #"{"role":"user","content":"and tomorrow?"}"#,
            ])
            #expect(Self.firstChoice(json)?["finish_reason"]?.stringValue == "tool_calls")
        }

        static let badHistories: [([String], String, String)] = [
            ([#"{"role":"user","content":"weather?"}"#, #"{"role":"tool","tool_call_id":"call_w1","content":"sunny"}"#],
             "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'", "messages.[1].role"),
            ([#"{"role":"user","content":"weather?"}"#, assistantCall, #"{"role":"user","content":"tool result: sunny"}"#],
             "The following tool_call_ids did not have response messages: call_w1", "messages.[1].role"),
            ([#"{"role":"user","content":"q"}"#, parallelCalls, #"{"role":"tool","tool_call_id":"call_a","content":"rain"}"#],
             "did not have response messages: call_b", "messages.[1].role"),
            ([#"{"role":"user","content":"q"}"#, assistantCall, #"{"role":"tool","tool_call_id":"call_other","content":"x"}"#],
             "must be a response to a preceeding message with 'tool_calls'", "messages.[2].role"),
        ]

        @Test("a history the API rejects is a 400 naming the message", arguments: badHistories)
        func rejectsBrokenHistory(_ messages: [String], _ message: String, _ param: String) async throws {
            let (status, json) = try await Self.complete("mock-echo", messages: messages)
            #expect(status == 400)
            #expect(json["error"]?["message"]?.stringValue?.contains(message) == true, "\(json.serialized())")
            #expect(json["error"]?["param"]?.stringValue == param)
        }
    }
}
