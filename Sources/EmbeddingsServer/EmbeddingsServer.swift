import FakeEmbeddings
import Foundation
import Hummingbird
import Logging

/// The fake endpoint over HTTP (`embedlings serve`): a drop-in for the OpenAI embeddings API
/// that the official SDKs and the API reference's curl example talk to unchanged.
public enum EmbeddingsServer {
    /// Runs until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
    /// `onReady` gets the base URL (e.g. `http://127.0.0.1:8080/v1`) once the port is bound.
    public static func run(
        _ configuration: EmbeddingsServerConfiguration,
        onReady: @escaping @Sendable (URL) async -> Void
    ) async throws {
        let app = application(configuration, logLevel: .error) { port in
            await onReady(baseURL(host: configuration.host, port: port))
        }
        try await app.runService()
    }

    /// Starts a server in the background (tests, benchmarks) and returns once it listens.
    /// `stop()` cancels it; only critical log messages are printed.
    public static func start(_ configuration: EmbeddingsServerConfiguration) async throws -> RunningEmbeddingsServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = application(configuration, logLevel: .critical) { port in continuation.yield(port) }
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        for await port in ports {
            return RunningEmbeddingsServer(baseURL: baseURL(host: configuration.host, port: port), task: task)
        }
        try await task.value
        throw EmbeddingsServerError.didNotStart(host: configuration.host, port: configuration.port)
    }

    /// `http://HOST:PORT/v1`, with IPv6 hosts bracketed.
    public static func baseURL(host: String, port: Int) -> URL {
        let printableHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(printableHost):\(port)/v1") ?? URL(fileURLWithPath: "/")
    }

    private static func application(
        _ configuration: EmbeddingsServerConfiguration,
        logLevel: Logger.Level,
        onPort: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "embedlings.serve")
        logger.logLevel = logLevel
        return Application(
            responder: FakeEndpointResponder(fake: configuration.fake, maxBodyBytes: configuration.maxBodyBytes),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "embedlings"
            ),
            onServerRunning: { channel in
                await onPort(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }
}
