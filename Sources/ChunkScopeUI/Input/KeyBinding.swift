/// One binding: a chord, the action it triggers, a one-line description, where it applies.
public struct KeyBinding: Sendable, Hashable {
    /// The key and modifiers.
    public var chord: KeyChord
    /// What the key does.
    public var action: UIAction
    /// One line for the help overlay and the docs.
    public var description: String
    /// Where the binding applies.
    public var context: KeyContext

    /// Creates a binding.
    public init(_ chord: KeyChord, _ action: UIAction, _ description: String, _ context: KeyContext) {
        self.chord = chord
        self.action = action
        self.description = description
        self.context = context
    }
}
