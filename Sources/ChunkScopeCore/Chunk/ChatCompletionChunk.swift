/// A typed `chat.completion.chunk`. Fields a provider omitted are nil; fields this model does not
/// name are kept in `extra` (in wire order) so nothing the provider sent is lost.
public struct ChatCompletionChunk: Sendable, Equatable {
    /// The completion id (`chatcmpl-…`); the same on every chunk of a stream.
    public var id: String?
    /// Normally `chat.completion.chunk`.
    public var object: String?
    /// Unix seconds (an integral JSON number; `1.0` is accepted).
    public var created: Int64?
    /// The model that answered.
    public var model: String?
    /// `system_fingerprint`.
    public var systemFingerprint: String?
    /// `service_tier`.
    public var serviceTier: String?
    /// The choices in wire order (empty for the usage trailer and Azure's prompt-filter chunk).
    public var choices: [ChunkChoice]
    /// The `usage` object as sent; nil when absent or `null`.
    public var usage: JSONValue?
    /// Top-level members this type does not name.
    public var extra: [JSONValue.Member]

    /// A chunk with the given fields (all absent by default).
    public init(id: String? = nil, object: String? = nil, created: Int64? = nil, model: String? = nil,
                systemFingerprint: String? = nil, serviceTier: String? = nil, choices: [ChunkChoice] = [],
                usage: JSONValue? = nil, extra: [JSONValue.Member] = []) {
        self.id = id
        self.object = object
        self.created = created
        self.model = model
        self.systemFingerprint = systemFingerprint
        self.serviceTier = serviceTier
        self.choices = choices
        self.usage = usage
        self.extra = extra
    }
}

/// One entry of a chunk's `choices`.
public struct ChunkChoice: Sendable, Equatable {
    /// nil when the provider omitted `index` (treated as 0, with a lint finding).
    public var index: Int?
    /// The increment (`{}` when absent or `null`).
    public var delta: ChunkDelta
    /// `logprobs` as sent; nil when absent or `null`.
    public var logprobs: JSONValue?
    /// `finish_reason`: nil while the choice is still running.
    public var finishReason: String?
    /// Members of the choice this type does not name (e.g. `native_finish_reason`).
    public var extra: [JSONValue.Member]

    /// A choice with the given fields.
    public init(index: Int? = 0, delta: ChunkDelta = ChunkDelta(), logprobs: JSONValue? = nil,
                finishReason: String? = nil, extra: [JSONValue.Member] = []) {
        self.index = index
        self.delta = delta
        self.logprobs = logprobs
        self.finishReason = finishReason
        self.extra = extra
    }
}

/// A choice's `delta`: the increment since the previous chunk.
public struct ChunkDelta: Sendable, Equatable {
    /// Usually `assistant`, on the first delta of a choice.
    public var role: String?
    /// Text to append to the answer.
    public var content: String?
    /// Refusal text to append.
    public var refusal: String?
    /// DeepSeek, Moonshot, xAI style reasoning text.
    public var reasoningContent: String?
    /// Groq, OpenRouter style reasoning text.
    public var reasoning: String?
    /// Tool-call fragments, assembled by index downstream.
    public var toolCalls: [ToolCallDelta]?
    /// Members of the delta this type does not name (e.g. `channel`, `reasoning_details`).
    public var extra: [JSONValue.Member]

    /// A delta with the given fields.
    public init(role: String? = nil, content: String? = nil, refusal: String? = nil,
                reasoningContent: String? = nil, reasoning: String? = nil,
                toolCalls: [ToolCallDelta]? = nil, extra: [JSONValue.Member] = []) {
        self.role = role
        self.content = content
        self.refusal = refusal
        self.reasoningContent = reasoningContent
        self.reasoning = reasoning
        self.toolCalls = toolCalls
        self.extra = extra
    }
}

/// One entry of `delta.tool_calls`.
public struct ToolCallDelta: Sendable, Equatable {
    /// nil when the provider omitted `index` (Mistral).
    public var index: Int?
    /// The call id, normally only on the call's first fragment.
    public var id: String?
    /// Normally `function`; Mistral omits it.
    public var type: String?
    /// `function.name`.
    public var name: String?
    /// `function.arguments`: a fragment of the JSON arguments text.
    public var arguments: String?
    /// Members this type does not name (a `function` with unexpected content is kept here whole).
    public var extra: [JSONValue.Member]

    /// A tool-call fragment with the given fields.
    public init(index: Int? = nil, id: String? = nil, type: String? = nil, name: String? = nil,
                arguments: String? = nil, extra: [JSONValue.Member] = []) {
        self.index = index
        self.id = id
        self.type = type
        self.name = name
        self.arguments = arguments
        self.extra = extra
    }
}

/// What one SSE message's `data` turned out to be.
public enum StreamPayload: Sendable, Equatable {
    /// A `chat.completion.chunk` (or something shaped like one).
    case chunk(ChatCompletionChunk)
    /// The `[DONE]` sentinel.
    case done
    /// A top-level error payload: `{"error": {…}}` (OpenAI, OpenRouter) or
    /// `{"object": "error", "message": …}` (vLLM). The whole payload is kept.
    case error(JSONValue)
    /// Not JSON: the parser's message and the byte offset where it failed.
    case invalidJSON(message: String, byteOffset: Int)
    /// Valid JSON that is neither a chunk nor an error (kept for the inspector).
    case unexpected(JSONValue)
}
