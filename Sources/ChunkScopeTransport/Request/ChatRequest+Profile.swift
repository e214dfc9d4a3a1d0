import ChunkScopeCore
import Foundation

extension ChatRequest {
    /// A request for `profile` with `messages` (the profile's system prompt goes first) and the
    /// tools file loaded and checked. `baseURL` replaces the profile's (used for the built-in mock).
    public init(profile: ResolvedProfile, messages: [ChatMessage], baseURL: String? = nil) throws(ConfigError) {
        var conversation = messages
        if let system = profile.system, !system.isEmpty, conversation.first?.role != "system" {
            conversation.insert(ChatMessage(role: "system", content: system), at: 0)
        }
        var tools: String?
        if let path = profile.toolsPath { tools = try Self.loadTools(path: path) }
        self.init(baseURL: baseURL ?? profile.baseURL, model: profile.model, messages: conversation, params: profile.params,
                  headers: profile.headers, apiKey: profile.apiKey, includeUsage: profile.includeUsage, toolsJSON: tools)
    }

    /// The transport options the profile asks for.
    public static func transportOptions(for profile: ResolvedProfile, maxRetries: Int = 0) -> TransportOptions {
        TransportOptions(connectTimeout: profile.connectTimeout, idleTimeout: profile.idleTimeout, maxRetries: maxRetries)
    }

    /// Reads an OpenAI tools file (a JSON array of tools, or an object with a `tools` array) and
    /// returns the array as compact JSON, member order and numbers as written.
    static func loadTools(path: String) throws(ConfigError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, key: "--tools", message: "cannot read the tools file")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(bytes: [UInt8](data))
        } catch {
            throw ConfigError(file: path, key: "--tools", message: "not valid JSON: \(error)")
        }
        let tools: [JSONValue]
        if case .array(let items) = parsed {
            tools = items
        } else if case .array(let items)? = parsed["tools"] {
            tools = items
        } else {
            throw ConfigError(file: path, key: "--tools", message: "expected a JSON array of tools (or {\"tools\": [...]})")
        }
        for (i, tool) in tools.enumerated() {
            guard case .object = tool, tool["type"]?.stringValue != nil || tool["function"] != nil else {
                throw ConfigError(file: path, key: "--tools", message: "tool \(i) is not an object with \"type\" and \"function\"")
            }
        }
        return JSONValue.array(tools).serialized()
    }
}
