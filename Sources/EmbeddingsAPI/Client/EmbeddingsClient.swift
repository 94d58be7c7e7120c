import EmbeddingsWire
import FakeEmbeddings
import Foundation

/// The embeddings client, shaped like the official SDK's `client.embeddings.create(...)`.
///
/// It holds the caller's key as given (normally the placeholder `<OPENAI_API_TOKEN>`) and
/// the endpoint configuration; the real key is put in only when a request is sent to the
/// configured endpoint. Errors mirror the SDK's classes; retries follow its rules.
public struct EmbeddingsClient: Sendable {
    public let configuration: EndpointConfiguration
    /// What the caller passed as `api_key`; printing the client shows it, never the real key.
    public let apiKey: String
    /// Where requests go: the caller's `base_url`, else the configured endpoint's.
    public let baseURL: URL
    public let retryPolicy: RetryPolicy
    public let timeout: Duration
    let transport: any HTTPTransport

    /// - Parameters:
    ///   - baseURL: overrides the configured endpoint (the SDK's `base_url`). A different
    ///     host than the configured endpoint's never receives the real key.
    ///   - transport: nil picks the in-process fake for `.fake`, else `URLSession`.
    public init(
        configuration: EndpointConfiguration = EndpointConfiguration(),
        apiKey: String = PlaceholderToken.value,
        baseURL: URL? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Duration = .seconds(600),
        transport: (any HTTPTransport)? = nil
    ) {
        self.configuration = configuration
        self.apiKey = apiKey
        self.baseURL = baseURL ?? configuration.endpoint.baseURL
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        if let transport {
            self.transport = transport
        } else if baseURL == nil, configuration.endpoint == .fake {
            self.transport = InProcessTransport()
        } else {
            self.transport = URLSessionTransport()
        }
    }

    /// `POST /embeddings`. With no `encodingFormat` the request asks for base64 and the
    /// answer is decoded to floats, as the Python SDK does; an explicit format is returned as sent.
    public func create(
        input: EmbeddingInput,
        model: String,
        dimensions: Int? = nil,
        encodingFormat: EncodingFormat? = nil,
        user: String? = nil
    ) async throws(EmbeddingsAPIError) -> EmbeddingResponse {
        try await create(EmbeddingRequest(input: input, model: model, dimensions: dimensions, encodingFormat: encodingFormat, user: user))
    }

    /// `POST /embeddings` with a prepared request body (same base64 rule as above).
    public func create(_ request: EmbeddingRequest) async throws(EmbeddingsAPIError) -> EmbeddingResponse {
        var sent = request
        let decodeBase64 = request.encodingFormat == nil
        if decodeBase64 { sent.encodingFormat = .base64 }
        let body: Data
        do {
            body = try JSONEncoder().encode(sent)
        } catch {
            throw .invalidResponse(detail: "the request could not be encoded as JSON")
        }
        let response: EmbeddingResponse = try await send(method: "POST", path: "embeddings", body: body)
        guard decodeBase64 else { return response }
        do {
            return try response.decodingBase64()
        } catch {
            throw .invalidResponse(detail: error.description)
        }
    }

    /// `GET /models`.
    public func listModels() async throws(EmbeddingsAPIError) -> ModelList {
        try await send(method: "GET", path: "models", body: Data())
    }

    /// `GET /models/{id}`.
    public func retrieveModel(_ id: String) async throws(EmbeddingsAPIError) -> ModelObject {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        return try await send(method: "GET", path: "models/" + escaped, body: Data())
    }

    /// Sends with retries and decodes a 2xx body as `Value`.
    func send<Value: Decodable>(method: String, path: String, body: Data) async throws(EmbeddingsAPIError) -> Value {
        let url = baseURL.appendingPathComponent(path)
        let authorization = try PlaceholderToken.authorization(callerKey: apiKey, url: url, configuration: configuration)
        let request = TransportRequest(
            method: method,
            url: url,
            headers: ["authorization": authorization, "content-type": "application/json", "accept": "application/json"],
            body: body,
            timeout: timeout
        )

        var retryIndex = 0
        while true {
            let failure: EmbeddingsAPIError
            var retryAfter: Duration?
            var retryable: Bool
            do {
                let response = try await transport.send(request)
                if (200..<300).contains(response.status) {
                    do {
                        return try JSONDecoder().decode(Value.self, from: response.body)
                    } catch {
                        throw EmbeddingsAPIError.invalidResponse(detail: "the \(response.status) answer is not the expected JSON")
                    }
                }
                retryAfter = RetryPolicy.retryAfter(milliseconds: response.headers["retry-after-ms"], seconds: response.headers["retry-after"])
                failure = .status(APIStatusError(status: response.status, body: response.body, requestID: response.headers["x-request-id"], retryAfter: retryAfter))
                retryable = RetryPolicy.shouldRetry(status: response.status, shouldRetryHeader: response.headers["x-should-retry"])
            } catch let error as TransportError {
                switch error {
                case .timeout: failure = .timeout
                case .connection(let detail): failure = .connection(detail: detail)
                }
                retryable = true
            } catch let error as EmbeddingsAPIError {
                throw error
            } catch {
                throw .connection(detail: "unexpected failure")
            }
            guard retryable, retryIndex < retryPolicy.maxRetries, !Task.isCancelled else { throw failure }
            await retryPolicy.sleep(retryPolicy.delay(retryIndex: retryIndex, retryAfter: retryAfter))
            retryIndex += 1
        }
    }
}

/// Printing, reflecting or dumping a client shows what the caller chose (endpoint, key as
/// given, base URL, retries, timeout), never the transport's internals: the shared
/// `URLSession` is live state that other requests change while it is being read.
extension EmbeddingsClient: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: [
            "configuration": configuration,
            "apiKey": apiKey,
            "baseURL": baseURL,
            "maxRetries": retryPolicy.maxRetries,
            "timeout": timeout,
        ], displayStyle: .struct)
    }
}
