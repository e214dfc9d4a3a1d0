// MockProvider — how it fits: a real OpenAI-compatible HTTP server (SwiftNIO, loopback) with
// scripted scenarios chosen by model name. It is ChunkScope's offline default provider (the
// dashboard starts it in-process and talks to it through the same libcurl path as any provider),
// `chunkscope mock-server` runs it standalone for other clients, and the transport tests use it.
//
//   HTTP request ─▶ MockRequest ─▶ MockScenario + MockReplyBuilder ─▶ MockReply
//     stream: true  ─▶ StreamFrameRenderer ─▶ [MockFrame] ─▶ paced, backpressured writes
//     stream: false ─▶ CompletionRenderer ─▶ one chat.completion JSON
