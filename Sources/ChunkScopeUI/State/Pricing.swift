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
