/// The fields every chunk of one response repeats: id, created, model, fingerprint.
struct MockStreamIdentity: Sendable {
    var id: String
    var created: Int
    var model: String
    var systemFingerprint: String

    /// A fresh identity with OpenAI-like random ids.
    static func random(model: String, now: Int) -> MockStreamIdentity {
        MockStreamIdentity(id: "chatcmpl-" + randomToken(29), created: now, model: model, systemFingerprint: "fp_mock" + randomToken(5).lowercased())
    }

    /// A random `call_…` id.
    static func randomCallID() -> String {
        "call_" + randomToken(24)
    }

    private static func randomToken(_ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet.randomElement()! })
    }
}
