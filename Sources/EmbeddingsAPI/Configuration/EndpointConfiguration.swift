/// Which endpoint the course talks to, and the real key, if one is configured.
///
/// The key is never handed to learner code: the client swaps the placeholder token for it
/// at send time, and only for requests to this endpoint's host.
public struct EndpointConfiguration: Sendable, Hashable, CustomStringConvertible {
    public var endpoint: Endpoint
    public var apiKey: APIKey?

    public init(endpoint: Endpoint = .fake, apiKey: APIKey? = nil) {
        self.endpoint = endpoint
        self.apiKey = apiKey
    }

    /// The configuration from, in order of precedence: the `--endpoint` option,
    /// `EMBEDLINGS_ENDPOINT`, `OPENAI_BASE_URL`, and the fake. The key comes from
    /// `OPENAI_API_KEY`, else from the owner-only file at `keyFilePath`.
    public static func resolve(
        endpointOption: String?,
        environment: [String: String],
        keyFilePath: String?
    ) throws(EndpointConfigurationError) -> EndpointConfiguration {
        let chosen = [endpointOption, environment["EMBEDLINGS_ENDPOINT"], environment["OPENAI_BASE_URL"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        let endpoint = try chosen.map { text throws(EndpointConfigurationError) in try Endpoint(parsing: text) } ?? .fake

        var key: APIKey?
        if let fromEnvironment = environment["OPENAI_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !fromEnvironment.isEmpty {
            key = APIKey(fromEnvironment)
        } else if let keyFilePath {
            key = try APIKeyFile.read(at: keyFilePath)
        }
        return EndpointConfiguration(endpoint: endpoint, apiKey: key)
    }

    public var description: String {
        "\(endpoint) (key \(apiKey == nil ? "not configured" : "configured"))"
    }
}
