/// The errors of the real API, with its statuses and messages (shared/openai-embeddings.md).
extension FakeAPIError {
    static let apiReference = "https://platform.openai.com/docs/api-reference"

    /// Empty input, an empty string in an array, more than 2048 inputs, or a wrongly typed input.
    static var invalidInput: FakeAPIError {
        FakeAPIError(status: 400, message: "'$.input' is invalid. Please check the API reference: \(apiReference).", type: "invalid_request_error")
    }

    static func invalidField(_ name: String) -> FakeAPIError {
        FakeAPIError(status: 400, message: "'$.\(name)' is invalid. Please check the API reference: \(apiReference).", type: "invalid_request_error")
    }

    static var missingModel: FakeAPIError {
        FakeAPIError(status: 400, message: "you must provide a model parameter", type: "invalid_request_error")
    }

    static var missingInput: FakeAPIError {
        FakeAPIError(status: 400, message: "'input' is a required property", type: "invalid_request_error")
    }

    static var unparsableJSON: FakeAPIError {
        FakeAPIError(
            status: 400,
            message: "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
            type: "invalid_request_error"
        )
    }

    static func contextLengthExceeded(tokens: Int) -> FakeAPIError {
        FakeAPIError(
            status: 400,
            message: "This model's maximum context length is \(FakeEmbeddings.maxTokensPerInput) tokens, however you requested \(tokens) tokens (\(tokens) in your prompt; 0 for the completion). Please reduce your prompt; or completion length.",
            type: "invalid_request_error"
        )
    }

    static func tooManyTokensInRequest(tokens: Int) -> FakeAPIError {
        FakeAPIError(
            status: 400,
            message: "Requested \(tokens) tokens, max \(FakeEmbeddings.maxTokensPerRequest) tokens per request",
            type: "max_tokens_per_request",
            code: "max_tokens_per_request"
        )
    }

    static func invalidTokenID(_ id: Int, encoding: String) -> FakeAPIError {
        FakeAPIError(
            status: 400,
            message: "Invalid token id \(id) in '$.input': it is not a token of \(encoding). Please check the API reference: \(apiReference).",
            type: "invalid_request_error"
        )
    }

    static var dimensionsNotSupported: FakeAPIError {
        FakeAPIError(status: 400, message: "This model does not support specifying dimensions.", type: "invalid_request_error")
    }

    static func dimensionsOutOfRange(_ dimensions: Int, model: FakeModel) -> FakeAPIError {
        FakeAPIError(
            status: 400,
            message: "Invalid value for 'dimensions' = \(dimensions). It must be between 1 and \(model.dimensions) for \(model.id).",
            type: "invalid_request_error",
            param: "dimensions"
        )
    }

    static func unsupportedEncodingFormat(_ value: String) -> FakeAPIError {
        FakeAPIError(status: 400, message: "Invalid value for 'encoding_format' = \(value). Supported values: ['float', 'base64'].", type: "invalid_request_error")
    }

    static func modelNotFound(_ model: String) -> FakeAPIError {
        FakeAPIError(status: 404, message: "The model `\(model)` does not exist or you do not have access to it.", type: "invalid_request_error", code: "model_not_found")
    }

    static var missingAPIKey: FakeAPIError {
        FakeAPIError(
            status: 401,
            message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
            type: "invalid_request_error"
        )
    }

    static func incorrectAPIKey(_ key: String) -> FakeAPIError {
        FakeAPIError(
            status: 401,
            message: "Incorrect API key provided: \(APIKeyMask.mask(key)). You can find your API key at https://platform.openai.com/account/api-keys.",
            type: "invalid_request_error",
            code: "invalid_api_key"
        )
    }

    static func notFound(method: String, path: String) -> FakeAPIError {
        FakeAPIError(status: 404, message: "Invalid URL (\(method) \(path))", type: "invalid_request_error")
    }

    static func methodNotAllowed(method: String, path: String, allowed: String) -> FakeAPIError {
        FakeAPIError(
            status: 405,
            message: "Method \(method) is not allowed for \(path); use \(allowed).",
            type: "invalid_request_error",
            headers: [FakeHTTPHeader("allow", allowed)]
        )
    }

    static func bodyTooLarge(limit: Int) -> FakeAPIError {
        FakeAPIError(status: 413, message: "The request body is larger than \(limit) bytes.", type: "invalid_request_error")
    }
}

extension FakeAPIError {
    /// The bundled tokenizer or model file could not be loaded (a damaged or partial install).
    static func offlineModelUnavailable(_ problem: String) -> FakeAPIError {
        FakeAPIError(
            status: 500,
            message: "The offline endpoint cannot answer: \(problem) Reinstall embedlings (or rebuild it with `swift build`), or use another endpoint with --endpoint.",
            type: "server_error"
        )
    }
}
