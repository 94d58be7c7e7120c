import ArgumentParser
import EmbeddingsServer
import FakeEmbeddings
import Foundation

/// `embedlings serve`: the fake endpoint over HTTP, for the official SDKs, curl, or a class.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the fake OpenAI embeddings endpoint over HTTP (offline, deterministic).",
        discussion: "The first line printed is the base URL. Stop with Ctrl-C."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The address to listen on; loopback unless you mean to serve a class (0.0.0.0).")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port = 8080

    @Option(help: ArgumentHelp("Simulated requests-per-minute limit (429 beyond it).", valueName: "N"))
    var rpm: Int?

    @Option(help: ArgumentHelp("Simulated tokens-per-minute limit (429 beyond it).", valueName: "N"))
    var tpm: Int?

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Added latency per request, in milliseconds.", valueName: "N"))
    var latencyMilliseconds = 0

    @Flag(help: "Accept only the placeholder key <OPENAI_API_TOKEN>, as the built-in fake does; by default any non-empty key is accepted.")
    var placeholderOnly = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        if let rpm, rpm < 1 { throw ValidationError("--rpm must be at least 1, not \(rpm).") }
        if let tpm, tpm < 1 { throw ValidationError("--tpm must be at least 1, not \(tpm).") }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms cannot be negative.") }
    }

    func run() async throws {
        let fake = FakeEmbeddings(
            keyPolicy: placeholderOnly ? .placeholderOnly : .anyKey,
            limits: SimulatedLimits(requestsPerMinute: rpm, tokensPerMinute: tpm, latency: .milliseconds(latencyMilliseconds))
        )
        let configuration = EmbeddingsServerConfiguration(host: host, port: port, fake: fake)
        do {
            try await EmbeddingsServer.run(configuration) { baseURL in
                FileHandle.standardOutput.write(Data((ServeBanner.lines(baseURL: baseURL).joined(separator: "\n") + "\n").utf8))
            }
        } catch {
            throw CommandFailure.input(EmbeddingsServerError.didNotStart(host: host, port: port).description)
        }
    }
}
