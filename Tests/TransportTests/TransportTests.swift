// TransportTests — how it fits: the libcurl transport against the real mock provider over real
// loopback sockets (no fake transport). All suites nest in one serialized parent so thread and
// socket counts are not disturbed by transfers of other tests.
import Testing

/// The parent of every transport suite; runs them one test at a time.
@Suite("Transport", .serialized, .timeLimit(.minutes(1)))
struct TransportTests {}
