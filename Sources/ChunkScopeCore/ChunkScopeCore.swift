// ChunkScopeCore — how it fits: the pure streaming core (Foundation at most, no C imports).
//   bytes ─▶ SSEDecoder ─▶ SSEEvent ─▶ ChunkDecoder ─▶ StreamPayload ─▶ accumulator + lint + metrics
//         ─▶ SessionActor (owns the state, coalesces) ─▶ SessionSnapshot for the screen.
//   Conversation ─ turns ─ attempts ─ Exchange (request, response head, final snapshot); the next
//         request's messages are derived from it (Conversation/).
