import ArgumentParser
import EmbeddingsAPI
import Foundation

/// Turns `--endpoint`, the environment and the data directory into the endpoint
/// configuration every command that talks to the embeddings API uses.
enum EndpointOptions {
    /// `--endpoint`, else `EMBEDLINGS_ENDPOINT`, else `OPENAI_BASE_URL`, else the fake; the key
    /// from `OPENAI_API_KEY`, else `config.json` in the data directory (owner-only).
    static func configuration(
        _ global: GlobalOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> EndpointConfiguration {
        do {
            return try EndpointConfiguration.resolve(
                endpointOption: global.endpoint,
                environment: environment,
                keyFilePath: keyFilePath(dataDirectory: global.dataDir, environment: environment)
            )
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `config.json` in `--data-dir`, else in `EMBEDLINGS_HOME`, else in `~/.embedlings`.
    static func keyFilePath(dataDirectory: String?, environment: [String: String]) -> String {
        let directory = dataDirectory
            ?? environment["EMBEDLINGS_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".embedlings")
        return (directory as NSString).appendingPathComponent("config.json")
    }
}
