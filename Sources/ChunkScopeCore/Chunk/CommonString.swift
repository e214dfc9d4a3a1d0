/// String values that recur in almost every chunk, returned as string literals (immortal, never
/// allocated) so decoding them costs no allocation: `"chat.completion.chunk"` is longer than
/// Swift's 15-byte inline strings and would otherwise be a fresh heap string per chunk.
enum CommonString {
    /// The literal equal to `bytes`, nil when it is not one of the common values.
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func matches(_ literal: StaticString) -> Bool {
            memoryEquals(bytes.baseAddress, literal.utf8Start, bytes.count)
        }
        switch bytes.count {
        case 0: return ""
        case 4: return matches("stop") ? "stop" : nil
        case 6: return matches("length") ? "length" : nil
        case 7: return matches("default") ? "default" : nil
        case 8: return matches("function") ? "function" : nil
        case 9: return matches("assistant") ? "assistant" : nil
        case 10: return matches("tool_calls") ? "tool_calls" : nil
        case 13: return matches("function_call") ? "function_call" : nil
        case 14: return matches("content_filter") ? "content_filter" : nil
        case 21: return matches("chat.completion.chunk") ? "chat.completion.chunk" : nil
        default: return nil
        }
    }
}
