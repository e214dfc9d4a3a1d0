import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The mock provider: an OpenAI-compatible HTTP/1.1 server on loopback (SwiftNIO, its own
/// one-thread event loop group). Start it with `start`, stop it with `shutdown`.
public final class MockServer: Sendable {
    /// The address it listens on.
    public let host: String
    /// The port it listens on (the real one when started with port 0).
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let serverChannel: any Channel
    private let acceptLoop: Task<Void, Never>
    private let connections: ConnectionRegistry

    /// The API root clients use, e.g. `http://127.0.0.1:54321/v1`.
    public var baseURL: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/v1"
    }

    /// Starts listening on `host:port` (port 0 picks a free one) and serving in the background.
    public static func start(host: String = "127.0.0.1", port: Int = 0, pacing: MockPacing = .lively) async throws -> MockServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.allowRemoteHalfClosure, value: false)
                .bind(host: host, port: port) { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: child)
                    }
                }
            let boundPort = channel.channel.localAddress?.port ?? port
            let registry = ConnectionRegistry()
            let responder = MockResponder(pacing: pacing, ledger: RetryLedger())
            let loop = Task<Void, Never> {
                await withDiscardingTaskGroup { tasks in
                    _ = try? await channel.executeThenClose { inbound in
                        for try await connection in inbound {
                            registry.add(connection.channel)
                            tasks.addTask {
                                await MockConnection(connection: connection, responder: responder).serve()
                                registry.remove(connection.channel)
                            }
                        }
                    }
                }
            }
            return MockServer(host: host, port: boundPort, group: group, serverChannel: channel.channel, acceptLoop: loop, connections: registry)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private init(host: String, port: Int, group: MultiThreadedEventLoopGroup, serverChannel: any Channel,
                 acceptLoop: Task<Void, Never>, connections: ConnectionRegistry) {
        self.host = host
        self.port = port
        self.group = group
        self.serverChannel = serverChannel
        self.acceptLoop = acceptLoop
        self.connections = connections
    }

    /// Stops accepting, closes every open connection (stalled ones too), and stops the event loop thread.
    public func shutdown() async {
        try? await serverChannel.close()
        acceptLoop.cancel()
        for channel in connections.all() { try? await channel.close() }
        await acceptLoop.value
        try? await group.shutdownGracefully()
    }
}
