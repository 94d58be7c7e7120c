/// Everything a call to the embeddings API can fail with, mirroring the SDK's exceptions.
/// No case ever holds the real key: status errors quote only what the server sent (the fake
/// and the real API mask keys), and transport failures carry no headers.
public enum EmbeddingsAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint answered with an error status (`BadRequestError`, `RateLimitError`, …).
    case status(APIStatusError)
    /// The request never got an answer (`APIConnectionError`).
    case connection(detail: String)
    /// No answer within the timeout (`APITimeoutError`).
    case timeout
    /// A real endpoint was chosen but no key is configured; nothing was sent.
    case missingAPIKey
    /// The answer could not be read as the API's JSON.
    case invalidResponse(detail: String)

    /// The SDK's exception class name.
    public var pythonClassName: String {
        switch self {
        case .status(let error): error.kind.pythonClassName
        case .connection: "APIConnectionError"
        case .timeout: "APITimeoutError"
        case .missingAPIKey: "OpenAIError"
        case .invalidResponse: "APIResponseValidationError"
        }
    }

    public var description: String {
        switch self {
        case .status(let error): error.description
        case .connection: "Connection error."
        case .timeout: "Request timed out."
        case .missingAPIKey: Self.missingAPIKeyMessage
        case .invalidResponse(let detail): "Data returned by API invalid for expected schema: \(detail)"
        }
    }

    static let missingAPIKeyMessage =
        "No OpenAI API key is configured: set OPENAI_API_KEY, or put {\"openai_api_key\": \"sk-...\"} in the owner-only file config.json of the data directory (chmod 600), or use --endpoint fake."
}
