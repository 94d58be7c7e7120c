import Foundation

/// Where embeddings requests go.
public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// The fake endpoint, in-process: offline, free, deterministic. The default.
    case fake
    /// The real OpenAI API, https://api.openai.com/v1.
    case openai
    /// Any OpenAI-compatible base URL: a served fake, Ollama, a proxy.
    case url(URL)

    public static let openAIBaseURL = URL(string: "https://api.openai.com/v1")!
    /// The base URL the in-process fake answers under; it never reaches the network.
    public static let fakeBaseURL = URL(string: "http://embedlings-fake.invalid/v1")!

    /// Reads `fake`, `openai`, or an http(s) URL.
    public init(parsing text: String) throws(EndpointConfigurationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "fake": self = .fake
        case "openai": self = .openai
        default:
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else { throw .unknownEndpoint(text) }
            self = .url(url)
        }
    }

    /// The base URL requests are made against.
    public var baseURL: URL {
        switch self {
        case .fake: Endpoint.fakeBaseURL
        case .openai: Endpoint.openAIBaseURL
        case .url(let url): url
        }
    }

    /// Whether this endpoint needs a real key: the OpenAI API does, a served fake or a local
    /// model server usually does not.
    public var requiresAPIKey: Bool {
        self != .fake && baseURL.host?.lowercased() == Endpoint.openAIBaseURL.host
    }

    public var description: String {
        switch self {
        case .fake: "fake"
        case .openai: "openai"
        case .url(let url): url.absoluteString
        }
    }
}
