import Course
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
    ) throws(CommandFailure) -> EndpointConfiguration {
        do {
            return try EndpointConfiguration.resolve(
                endpointOption: global.endpoint,
                environment: environment,
                keyFilePath: keyFilePath(dataDirectory: global.dataDir, environment: environment)
            )
        } catch {
            throw .input(error.description)
        }
    }

    /// `config.json` in the course's data directory (`--data-dir`, `EMBEDLINGS_HOME`, or the
    /// platform default that `DataDirectory` chooses).
    static func keyFilePath(dataDirectory: String?, environment: [String: String]) -> String {
        DataDirectory(option: dataDirectory, environment: environment).url.appendingPathComponent("config.json").path
    }
}
