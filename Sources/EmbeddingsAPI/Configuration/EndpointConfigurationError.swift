/// Why the endpoint or the key could not be configured. Each message says how to fix it.
public enum EndpointConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownEndpoint(String)
    case configFileNotOwnerOnly(path: String)
    case unreadableConfigFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownEndpoint(let text):
            "unknown endpoint '\(text)': use fake, openai, or an http(s) URL such as http://127.0.0.1:8080/v1"
        case .configFileNotOwnerOnly(let path):
            "\(path) holds an API key but others can read it; run: chmod 600 \(path)"
        case .unreadableConfigFile(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
