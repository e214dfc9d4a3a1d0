// ChunkScopeTransport — how it fits: libcurl on its own thread turns a request into an
// AsyncStream of StreamInput (request, response head, body bytes, failure) for the session actor.
import CCurl
