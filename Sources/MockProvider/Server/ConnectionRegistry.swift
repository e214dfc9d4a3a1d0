import Foundation
import NIOCore

/// The server's open connections, so shutdown can close them.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]

    func add(_ channel: any Channel) {
        lock.lock()
        channels[ObjectIdentifier(channel)] = channel
        lock.unlock()
    }

    func remove(_ channel: any Channel) {
        lock.lock()
        channels[ObjectIdentifier(channel)] = nil
        lock.unlock()
    }

    func all() -> [any Channel] {
        lock.lock()
        defer { lock.unlock() }
        return Array(channels.values)
    }
}
