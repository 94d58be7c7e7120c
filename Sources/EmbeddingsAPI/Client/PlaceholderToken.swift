import FakeEmbeddings
import Foundation

/// The placeholder-token rule of DESIGN.md: learner code holds `<OPENAI_API_TOKEN>`; the
/// real key replaces it only at send time and only for the configured endpoint's origin.
public enum PlaceholderToken {
    /// The literal learner code writes as its key.
    public static let value = FakeEmbeddings.placeholderToken

    /// The `Authorization` value to send for `callerKey` to `url`.
    /// - Throws: `.missingAPIKey` when the request goes to the OpenAI API with the
    ///   placeholder and no key is configured, so nothing useless is sent.
    static func authorization(callerKey: String, url: URL, configuration: EndpointConfiguration) throws(EmbeddingsAPIError) -> String {
        guard callerKey.contains(value), configuration.endpoint != .fake,
              sameOrigin(url, configuration.endpoint.baseURL)
        else { return "Bearer " + callerKey }
        if let key = configuration.apiKey {
            return "Bearer " + callerKey.replacingOccurrences(of: value, with: key.secret)
        }
        if configuration.endpoint.requiresAPIKey { throw .missingAPIKey }
        return "Bearer " + callerKey
    }

    /// Scheme, host and port equal (ports defaulted by scheme).
    static func sameOrigin(_ first: URL, _ second: URL) -> Bool {
        func origin(_ url: URL) -> (String, String, Int)? {
            guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
            return (scheme, host, url.port ?? (scheme == "https" ? 443 : 80))
        }
        guard let first = origin(first), let second = origin(second) else { return false }
        return first == second
    }
}
