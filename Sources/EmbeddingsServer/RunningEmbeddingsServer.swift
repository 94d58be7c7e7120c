import Foundation

/// A server started with `EmbeddingsServer.start`; `stop()` shuts it down and waits.
public struct RunningEmbeddingsServer: Sendable {
    /// e.g. `http://127.0.0.1:49152/v1`.
    public let baseURL: URL
    let task: Task<Void, any Error>

    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
