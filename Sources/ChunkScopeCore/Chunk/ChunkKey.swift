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
    /// `readableBytes` is how many bytes may be read from the key's start (at least its length).
    init(bytes: UnsafeBufferPointer<UInt8>, readableBytes: Int) {
        self = ChunkKey.known(bytes, readableBytes: readableBytes) ?? .other
    }

    private static func known(_ bytes: UnsafeBufferPointer<UInt8>, readableBytes: Int) -> ChunkKey? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let head = leadingWord(base, count, readableBytes: readableBytes)
        // `head` is the key's first (up to) 8 bytes, little-endian; longer keys compare the rest.
        switch count {
        case 2:
            if head == 0x0000000000006469 { return .id }  // id
            return nil
        case 4:
            if head == 0x00000000656C6F72 { return .role }  // role
            if head == 0x0000000065707974 { return .type }  // type
            if head == 0x00000000656D616E { return .name }  // name
            return nil
        case 5:
            if head == 0x0000006C65646F6D { return .model }  // model
            if head == 0x0000006567617375 { return .usage }  // usage
            if head == 0x000000726F727265 { return .error }  // error
            if head == 0x0000007865646E69 { return .index }  // index
            if head == 0x00000061746C6564 { return .delta }  // delta
            return nil
        case 6:
            if head == 0x00007463656A626F { return .object }  // object
            return nil
        case 7:
            if head == 0x0064657461657263 { return .created }  // created
            if head == 0x00736563696F6863 { return .choices }  // choices
            if head == 0x00746E65746E6F63 { return .content }  // content
            if head == 0x006C617375666572 { return .refusal }  // refusal
            return nil
        case 8:
            if head == 0x73626F7270676F6C { return .logprobs }  // logprobs
            if head == 0x6E6F6974636E7566 { return .function }  // function
            return nil
        case 9:
            if head == 0x6E696E6F73616572, memoryEquals(base + 8, ("g" as StaticString).utf8Start, 1) { return .reasoning }  // reasoning
            if head == 0x746E656D75677261, memoryEquals(base + 8, ("s" as StaticString).utf8Start, 1) { return .arguments }  // arguments
            return nil
        case 10:
            if head == 0x6C61635F6C6F6F74, memoryEquals(base + 8, ("ls" as StaticString).utf8Start, 2) { return .toolCalls }  // tool_calls
            return nil
        case 12:
            if head == 0x5F65636976726573, memoryEquals(base + 8, ("tier" as StaticString).utf8Start, 4) { return .serviceTier }  // service_tier
            return nil
        case 13:
            if head == 0x725F6873696E6966, memoryEquals(base + 8, ("eason" as StaticString).utf8Start, 5) { return .finishReason }  // finish_reason
            return nil
        case 17:
            if head == 0x6E696E6F73616572, memoryEquals(base + 8, ("g_content" as StaticString).utf8Start, 9) { return .reasoningContent }  // reasoning_content
            return nil
        case 18:
            if head == 0x665F6D6574737973, memoryEquals(base + 8, ("ingerprint" as StaticString).utf8Start, 10) { return .systemFingerprint }  // system_fingerprint
            return nil
        default: return nil
        }
    }

    /// The first `min(count, 8)` bytes at `base` as a little-endian word, zero-padded.
    @inline(__always)
    private static func leadingWord(_ base: UnsafePointer<UInt8>, _ count: Int, readableBytes: Int) -> UInt64 {
        if readableBytes >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            return count >= 8 ? word : word & ((1 &<< (8 &* UInt64(count))) &- 1)
        }
        var word: UInt64 = 0
        for offset in 0..<count { word |= UInt64(base[offset]) << (8 * UInt64(offset)) }
        return word
    }
}

/// Byte-wise equality of two memory ranges of `count` bytes (8 bytes per step).
@inline(__always)
func memoryEquals(_ lhs: UnsafePointer<UInt8>?, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard let lhs else { return count == 0 }
    let left = UnsafeRawPointer(lhs)
    let right = UnsafeRawPointer(rhs)
    var offset = 0
    while offset + 8 <= count {
        if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
        offset += 8
    }
    while offset < count {
        if lhs[offset] != rhs[offset] { return false }
        offset += 1
    }
    return true
}
