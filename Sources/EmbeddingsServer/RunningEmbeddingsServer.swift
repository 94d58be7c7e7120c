import Foundation
import NIOCore

/// A server started with `EmbeddingsServer.start`; `stop()` shuts it down and waits.
public struct RunningEmbeddingsServer: Sendable {
    /// e.g. `http://127.0.0.1:49152/v1`.
    public let baseURL: URL
    let listener: any Channel
    let inFlight: InFlightRequests
    let connections: OpenConnections

    /// Stops accepting connections, lets requests in flight finish (up to 10 s), then closes
    /// the remaining connections.
    public func stop() async {
        try? await listener.close()
        await inFlight.waitUntilIdle(timeout: .seconds(10))
        await connections.closeAll()
    }
}
