/// Controls one running transfer.
public struct TransferHandle: Sendable {
    let transfer: CurlTransfer

    /// Aborts the transfer promptly (well under 100 ms); the stream then ends with
    /// `.failed(.cancelled)` and everything that arrived before stays. Safe to call repeatedly.
    public func cancel() {
        transfer.cancel()
    }

    /// True once the transfer thread has finished and released its connection.
    public var isFinished: Bool { transfer.isFinished }
}
