/// String values that recur in almost every chunk, returned as static literals so decoding them
/// allocates nothing (`"chat.completion.chunk"` is longer than Swift's 15-byte inline strings).
enum CommonString {
    private static let values: [StaticString] = [
        "chat.completion.chunk", "assistant", "stop", "length", "tool_calls", "function",
        "content_filter", "function_call", "default", "auto", "",
    ]

    /// The literal equal to `bytes`, nil when it is not one of the common values.
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for literal in values where literal.utf8CodeUnitCount == bytes.count {
            if memoryEquals(bytes.baseAddress, literal.utf8Start, bytes.count) {
                return literal.description
            }
        }
        return nil
    }
}
