/// String values that recur in almost every chunk, returned as string literals (immortal, never
/// allocated) so decoding them costs no allocation: `"chat.completion.chunk"` is longer than
/// Swift's 15-byte inline strings and would otherwise be a fresh heap string per chunk.
enum CommonString {
    private static let table: [(bytes: StaticString, value: String)] = [
        ("chat.completion.chunk", "chat.completion.chunk"), ("assistant", "assistant"), ("stop", "stop"),
        ("length", "length"), ("tool_calls", "tool_calls"), ("function", "function"),
        ("content_filter", "content_filter"), ("function_call", "function_call"), ("default", "default"),
        ("", ""),
    ]

    /// The literal equal to `bytes`, nil when it is not one of the common values.
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        guard count <= 21 else { return nil }
        for entry in table where entry.bytes.utf8CodeUnitCount == count {
            if memoryEquals(bytes.baseAddress, entry.bytes.utf8Start, count) { return entry.value }
        }
        return nil
    }
}
