import ChunkScopeCore
import ChunkScopeHistory
import Foundation

/// `ask`'s link to the history store. The first history error is said once on stderr and
/// history is dropped for the rest of the run; the conversation itself goes on.
struct AskHistory {
    private var store: HistoryStore?
    private var conversationID: String?

    init(store: HistoryStore) {
        self.store = store
    }

    /// Records the conversation from its first prompt.
    mutating func begin(prompt: String, profile: ResolvedProfile) {
        guard let store else { return }
        do {
            conversationID = try store.createConversation(title: prompt, profile: profile.name, baseURL: profile.baseURL)
        } catch {
            drop(error)
        }
    }

    /// Starts writing one exchange: turn 0 answers the prompt, each later turn sends tool results.
    mutating func beginExchange(prompt: String, model: String, round: Int) -> ExchangeWriter? {
        guard let store, let conversationID else { return nil }
        do {
            return try store.beginExchange(conversation: conversationID, turn: round, attempt: 0, model: model,
                                           prompt: round == 0 ? prompt : "", requestBody: nil)
        } catch {
            drop(error)
            return nil
        }
    }

    /// Drops history when `writer` met a write error.
    mutating func check(_ writer: ExchangeWriter?) {
        if let error = writer?.error { drop(error) }
    }

    private mutating func drop(_ error: HistoryStoreError) {
        Console.error(error.description)
        store = nil
        conversationID = nil
    }
}
