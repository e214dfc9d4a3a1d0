/// One node of a partial JSON tree. Open containers and unfinished scalars say so.
public indirect enum PartialJSONNode: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number's text; `complete` is false while more digits could follow.
    case number(String, complete: Bool)
    /// A string's decoded text; `complete` is false before its closing quote.
    case string(String, complete: Bool)
    /// The beginning of `true`, `false` or `null` (e.g. `tr`).
    case partialLiteral(String)
    /// Elements so far; `closed` once `]` arrived.
    case array([PartialJSONNode], closed: Bool)
    /// Members so far; `closed` once `}` arrived.
    case object([PartialJSONMember], closed: Bool)
}

/// One member of a partial object: a key (possibly still arriving) and its value, if begun.
public struct PartialJSONMember: Sendable, Equatable {
    /// The decoded key text so far.
    public var key: String
    /// False while the key's closing quote has not arrived.
    public var keyComplete: Bool
    /// The value; nil while the key is pending (no value byte yet).
    public var value: PartialJSONNode?

    /// Creates a member.
    public init(key: String, keyComplete: Bool = true, value: PartialJSONNode?) {
        self.key = key
        self.keyComplete = keyComplete
        self.value = value
    }
}
