import ChunkScopeCore

/// What the status line says about where requests go.
public struct SessionInfo: Sendable, Hashable {
    /// Profile name, e.g. `mock (built-in)`, `openrouter`.
    public var profile: String
    /// The model requested.
    public var model: String
    /// Prices for the cost line, when the profile gives them.
    public var pricing: Prices?

    /// Creates session info.
    public init(profile: String, model: String, pricing: Prices? = nil) {
        self.profile = profile
        self.model = model
        self.pricing = pricing
    }
}
