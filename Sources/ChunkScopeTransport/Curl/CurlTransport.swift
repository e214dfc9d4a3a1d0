import CCurl
import ChunkScopeCore
import Foundation

/// Starts streaming chat-completion transfers. Each transfer runs libcurl's multi interface on its
/// own `Thread` (never on the cooperative pool) and reports through an `AsyncStream<StreamInput>`.
public enum CurlTransport {
    /// Starts `request` now. The stream yields `.request`, then `.response` when the headers are
    /// complete, `.bytes` as they arrive, `.note`s for retries, and at most one `.failed`; it ends
    /// when the transfer is over. Cancel with the handle, or by cancelling the consuming task.
    public static func start(_ request: ChatRequest, options: TransportOptions = TransportOptions())
        -> (inputs: AsyncStream<StreamInput>, handle: TransferHandle)
    {
        CurlGlobal.ensureInitialized()
        let (stream, continuation) = AsyncStream<StreamInput>.makeStream(bufferingPolicy: .unbounded)
        let transfer = CurlTransfer(request: request, options: options, continuation: continuation)
        continuation.onTermination = { termination in
            if case .cancelled = termination { transfer.cancel() }
        }
        let thread = Thread { transfer.run() }
        thread.name = "chunkscope-curl"
        thread.start()
        return (stream, TransferHandle(transfer: transfer))
    }
}
