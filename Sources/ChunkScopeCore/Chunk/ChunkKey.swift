/// An object key as `FastChunkParser` sees it: one of the names the chunk model knows (matched on
/// the raw bytes, no `String` built), or `other` (the parser then builds the name from the bytes).
enum ChunkKey: UInt8 {
    case id, object, created, model, systemFingerprint, serviceTier, choices, usage, error
    case index, delta, logprobs, finishReason
    case role, content, refusal, reasoningContent, reasoning, toolCalls
    case type, function, name, arguments
    case other

    /// The key as it appears on the wire (empty for `other`).
    var name: String {
        switch self {
        case .id: "id"
        case .object: "object"
        case .created: "created"
        case .model: "model"
        case .systemFingerprint: "system_fingerprint"
        case .serviceTier: "service_tier"
        case .choices: "choices"
        case .usage: "usage"
        case .error: "error"
        case .index: "index"
        case .delta: "delta"
        case .logprobs: "logprobs"
        case .finishReason: "finish_reason"
        case .role: "role"
        case .content: "content"
        case .refusal: "refusal"
        case .reasoningContent: "reasoning_content"
        case .reasoning: "reasoning"
        case .toolCalls: "tool_calls"
        case .type: "type"
        case .function: "function"
        case .name: "name"
        case .arguments: "arguments"
        case .other: ""
        }
    }

    /// The known key spelled by `bytes` (an unescaped key body), `other` for any other key.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self = ChunkKey.known(bytes) ?? .other
    }

    private static func known(_ bytes: UnsafeBufferPointer<UInt8>) -> ChunkKey? {
        func matches(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == bytes.count
                && memoryEquals(bytes.baseAddress, literal.utf8Start, bytes.count)
        }
        switch bytes.count {
        case 2: if matches("id") { return .id } else { return nil }
        case 4:
            if matches("role") { return .role } else if matches("type") { return .type }
            else if matches("name") { return .name } else { return nil }
        case 5:
            if matches("model") { return .model } else if matches("usage") { return .usage }
            else if matches("index") { return .index } else if matches("delta") { return .delta }
            else if matches("error") { return .error } else { return nil }
        case 6: if matches("object") { return .object } else { return nil }
        case 7:
            if matches("created") { return .created } else if matches("choices") { return .choices }
            else if matches("content") { return .content } else if matches("refusal") { return .refusal }
            else { return nil }
        case 8:
            if matches("logprobs") { return .logprobs } else if matches("function") { return .function }
            else { return nil }
        case 9:
            if matches("reasoning") { return .reasoning } else if matches("arguments") { return .arguments }
            else { return nil }
        case 10: if matches("tool_calls") { return .toolCalls } else { return nil }
        case 12: if matches("service_tier") { return .serviceTier } else { return nil }
        case 13: if matches("finish_reason") { return .finishReason } else { return nil }
        case 17: if matches("reasoning_content") { return .reasoningContent } else { return nil }
        case 18: if matches("system_fingerprint") { return .systemFingerprint } else { return nil }
        default: return nil
        }
    }
}

/// Byte-wise equality of two memory ranges of `count` bytes.
@inline(__always)
func memoryEquals(_ lhs: UnsafePointer<UInt8>?, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard let lhs else { return count == 0 }
    for offset in 0..<count where lhs[offset] != rhs[offset] { return false }
    return true
}
