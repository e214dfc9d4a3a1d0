/// Work the reducer asks the app to do; the reducer itself never performs I/O.
public enum Effect: Sendable, Hashable {
    /// Start a request with this prompt (the turn is already in the conversation).
    case send(prompt: String)
    /// Stop the running stream (keep what arrived).
    case stopStream
    /// Restore the terminal and exit.
    case quit
}

/// Prices for the cost estimate, per one million tokens.
public struct Pricing: Sendable, Hashable {
    /// Price of one million prompt tokens.
    public var inputPerMillion: Double
    /// Price of one million completion tokens.
    public var outputPerMillion: Double
    /// Price of cached prompt tokens per million, when the provider discounts them.
    public var cachedInputPerMillion: Double?

    /// Creates prices.
    public init(inputPerMillion: Double, outputPerMillion: Double, cachedInputPerMillion: Double? = nil) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
    }
}

/// What the status line says about where requests go.
public struct SessionInfo: Sendable, Hashable {
    /// Profile name, e.g. `mock (built-in)`, `openrouter`.
    public var profile: String
    /// The model requested.
    public var model: String
    /// Prices for the cost line, when the profile gives them.
    public var pricing: Pricing?

    /// Creates session info.
    public init(profile: String, model: String, pricing: Pricing? = nil) {
        self.profile = profile
        self.model = model
        self.pricing = pricing
    }
}
