import FakeEmbeddings
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The fake endpoint over HTTP (`embedlings serve`): a drop-in for the OpenAI embeddings API
/// that the official SDKs and the API reference's curl example talk to unchanged.
///
/// Plain SwiftNIO: each request is answered on its connection's event loop, with no hop to
/// another thread, which is what lets one laptop serve a whole class (docs/embeddings-api.md).
public enum EmbeddingsServer {
    /// Runs until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
    /// `onReady` gets the base URL (e.g. `http://127.0.0.1:8080/v1`) once the port is bound.
    public static func run(
        _ configuration: EmbeddingsServerConfiguration,
        onReady: @escaping @Sendable (URL) async -> Void
    ) async throws {
        let server = try await start(configuration)
        await onReady(server.baseURL)
        await ShutdownSignals.wait()
        await server.stop()
    }

    /// Starts a server and returns once it listens; `stop()` shuts it down.
    public static func start(_ configuration: EmbeddingsServerConfiguration) async throws -> RunningEmbeddingsServer {
        let inFlight = InFlightRequests()
        let connections = OpenConnections()
        let fake = configuration.fake
        let maxBodyBytes = configuration.maxBodyBytes
        // SO_REUSEADDR lets `serve --port 8080` start again at once after a shutdown. With
        // --port 0 it is left off, so the kernel never picks a port on which an earlier
        // server's connections are still open (a client's connection pool could reach them).
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: configuration.port == 0 ? 0 : 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        EmbeddingsHTTPHandler(fake: fake, maxBodyBytes: maxBodyBytes, inFlight: inFlight)
                    )
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw EmbeddingsServerError.didNotStart(host: configuration.host, port: configuration.port)
        }
        let port = listener.localAddress?.port ?? configuration.port
        return RunningEmbeddingsServer(
            baseURL: baseURL(host: configuration.host, port: port),
            listener: listener,
            inFlight: inFlight,
            connections: connections
        )
    }

    /// `http://HOST:PORT/v1`, with IPv6 hosts bracketed.
    public static func baseURL(host: String, port: Int) -> URL {
        let printableHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(printableHost):\(port)/v1") ?? URL(fileURLWithPath: "/")
    }
}
