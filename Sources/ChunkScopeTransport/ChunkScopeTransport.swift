// ChunkScopeTransport — how it fits: libcurl on its own thread turns a `ChatRequest` into an
// `AsyncStream<StreamInput>` (redacted request summary, response head as soon as headers are
// complete, body bytes as they arrive, retry notes, one clear failure) for the session actor.
// Also loads the config file and runs `api_key_cmd` (the I/O half of ChunkScopeCore's Config).
//
//   ConnectionOptions ─▶ ConfigLoader ─▶ ProfileResolver (Core) ─▶ ResolvedProfile
//   ResolvedProfile + messages ─▶ ChatRequest ─▶ CurlTransport.start ─▶ (AsyncStream, TransferHandle)
