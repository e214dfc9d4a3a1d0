/// An object key as `FastChunkParser` sees it: one of the names the chunk model knows (matched on
/// the raw bytes, no `String` built), or any other key.
enum ChunkKey: Equatable {
    case id, object, created, model, systemFingerprint, serviceTier, choices, usage, error
    case index, delta, logprobs, finishReason
    case role, content, refusal, reasoningContent, reasoning, toolCalls
    case type, function, name, arguments
    case other(String)

    /// The key as it appears on the wire.
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
        case .other(let name): name
        }
    }

    /// The known key spelled by `bytes` (an unescaped key body), nil for any other key.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        func matches(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == bytes.count
                && memoryEquals(bytes.baseAddress, literal.utf8Start, bytes.count)
        }
        switch bytes.count {
        case 2: if matches("id") { self = .id } else { return nil }
        case 4:
            if matches("role") { self = .role } else if matches("type") { self = .type }
            else if matches("name") { self = .name } else { return nil }
        case 5:
            if matches("model") { self = .model } else if matches("usage") { self = .usage }
            else if matches("index") { self = .index } else if matches("delta") { self = .delta }
            else if matches("error") { self = .error } else { return nil }
        case 6: if matches("object") { self = .object } else { return nil }
        case 7:
            if matches("created") { self = .created } else if matches("choices") { self = .choices }
            else if matches("content") { self = .content } else if matches("refusal") { self = .refusal }
            else { return nil }
        case 8:
            if matches("logprobs") { self = .logprobs } else if matches("function") { self = .function }
            else { return nil }
        case 9:
            if matches("reasoning") { self = .reasoning } else if matches("arguments") { self = .arguments }
            else { return nil }
        case 10: if matches("tool_calls") { self = .toolCalls } else { return nil }
        case 12: if matches("service_tier") { self = .serviceTier } else { return nil }
        case 13: if matches("finish_reason") { self = .finishReason } else { return nil }
        case 17: if matches("reasoning_content") { self = .reasoningContent } else { return nil }
        case 18: if matches("system_fingerprint") { self = .systemFingerprint } else { return nil }
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
