// MockProvider — how it fits: a SwiftNIO OpenAI-compatible server on loopback with scripted
// scenarios, used as the offline default provider and by the transport and end-to-end tests.
import NIOCore
