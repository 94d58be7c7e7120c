import FakeEmbeddings
import Foundation

/// The placeholder-token rule of DESIGN.md: learner code holds `<OPENAI_API_TOKEN>`; the
/// real key replaces it only at send time, only for the configured endpoint's origin, and only
/// over a channel nobody else can read: https, or plain http to this machine (loopback).
///
/// The last condition is for classrooms: a learner who points the course at the instructor's
/// `embedlings serve` over plain http on the local network, with an OpenAI key in the
/// environment, must not hand that key to the instructor's server or to the network. Such a
/// server gets the placeholder, which `embedlings serve` accepts like any other key.
public enum PlaceholderToken {
    /// The literal learner code writes as its key.
    public static let value = FakeEmbeddings.placeholderToken

    /// The `Authorization` value to send for `callerKey` to `url`.
    /// - Throws: `.missingAPIKey` when the request goes to the OpenAI API with the
    ///   placeholder and no key is configured, so nothing useless is sent.
    static func authorization(callerKey: String, url: URL, configuration: EndpointConfiguration) throws(EmbeddingsAPIError) -> String {
        guard callerKey.contains(value), configuration.endpoint != .fake,
              sameOrigin(url, configuration.endpoint.baseURL), mayCarryKey(url)
        else { return "Bearer " + callerKey }
        if let key = configuration.apiKey {
            return "Bearer " + callerKey.replacingOccurrences(of: value, with: key.secret)
        }
        if configuration.endpoint.requiresAPIKey { throw .missingAPIKey }
        return "Bearer " + callerKey
    }

    /// Whether the real key may travel to `url`: https, or http to a loopback address.
    public static func mayCarryKey(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased() else { return false }
        if scheme == "https" { return true }
        guard scheme == "http", let host = url.host?.lowercased() else { return false }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
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
