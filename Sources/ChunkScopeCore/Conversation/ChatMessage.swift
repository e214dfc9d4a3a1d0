// How it fits: the messages of a request, as the Chat Completions API expects them. The
// conversation derives them from its exchanges (`Conversation.messages(system:)`); the transport
// encodes them into the body (`ChatRequest.body()` → `jsonValue()`).

/// One message of the conversation sent to the provider.
public struct ChatMessage: Sendable, Equatable {
    /// `system`, `user`, `assistant` or `tool`.
    public var role: String
    /// The text; nil is sent as JSON `null` (an assistant message that only calls tools).
    public var content: String?
    /// The tool calls of an assistant message, exactly as received; empty sends no `tool_calls`.
    public var toolCalls: [ToolCallRecord]
    /// The call a `tool` message answers.
    public var toolCallID: String?
    /// An assistant's refusal, as the API returned it.
    public var refusal: String?

    /// A plain text message.
    public init(role: String, content: String) {
        self.init(role: role, content: Optional(content))
    }

    /// Any message.
    public init(role: String, content: String?, toolCalls: [ToolCallRecord] = [], toolCallID: String? = nil,
                refusal: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.refusal = refusal
    }

    /// The message as the API's JSON object: `role`, `content` (string or null), then
    /// `refusal`, `tool_calls` and `tool_call_id` when present.
    public func jsonValue() -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("role", .string(role)),
            .init("content", content.map(JSONValue.string) ?? .null),
        ]
        if let refusal { members.append(.init("refusal", .string(refusal))) }
        if !toolCalls.isEmpty { members.append(.init("tool_calls", .array(toolCalls.map { $0.jsonValue() }))) }
        if let toolCallID { members.append(.init("tool_call_id", .string(toolCallID))) }
        return .object(members)
    }
}

/// One tool call of an assistant message, as the provider streamed it.
public struct ToolCallRecord: Sendable, Equatable {
    /// The call id (`call_…`), which the `tool` message answering it names.
    public var id: String
    /// The call type, normally `function`.
    public var type: String
    /// The function name.
    public var name: String
    /// The arguments text, exactly as received (not re-serialized).
    public var arguments: String

    /// A tool call.
    public init(id: String, type: String = "function", name: String, arguments: String) {
        self.id = id
        self.type = type
        self.name = name
        self.arguments = arguments
    }

    /// The call as assembled from a stream: missing id and name become "", a missing type `function`.
    public init(_ state: ToolCallState) {
        self.init(id: state.id ?? "", type: state.type ?? "function", name: state.name ?? "", arguments: state.arguments)
    }

    /// `{"id", "type", "function": {"name", "arguments"}}`.
    public func jsonValue() -> JSONValue {
        .object([
            .init("id", .string(id)),
            .init("type", .string(type)),
            .init("function", .object([.init("name", .string(name)), .init("arguments", .string(arguments))])),
        ])
    }
}
