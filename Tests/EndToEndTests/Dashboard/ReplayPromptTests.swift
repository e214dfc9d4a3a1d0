import ChunkScopeCore
import Testing
@testable import Dashboard

@Suite("Replay: the first turn from a capture's request")
struct ReplayPromptTests {
    @Test("The last user message, as a string or as text parts")
    func lastUserMessage() throws {
        let plain = try JSONParser.parse(#"{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":"first"},{"role":"assistant","content":"a"},{"role":"user","content":"second"}]}"#)
        #expect(PreparedStream.lastUserMessage(in: plain) == "second")
        let parts = try JSONParser.parse(#"{"messages":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"here"}]}]}"#)
        #expect(PreparedStream.lastUserMessage(in: parts) == "look\nhere")
        #expect(PreparedStream.lastUserMessage(in: try JSONParser.parse("{}")) == nil)
    }
}
