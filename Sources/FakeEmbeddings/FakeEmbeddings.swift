import EmbeddingModel
import EmbeddingsWire

/// The offline embeddings endpoint: validates a request like the real API (same statuses,
/// same messages), counts tokens, applies optional simulated rate limits, and answers with
/// deterministic unit vectors from an injected `TextEmbedder`. Pure: no I/O, no sleeping.
public struct FakeEmbeddings: Sendable {
    /// The token learner code writes instead of a key (DESIGN.md: the placeholder token).
    public static let placeholderToken = "<OPENAI_API_TOKEN>"
    public static let maxInputs = 2048
    public static let maxTokensPerInput = 8192
    public static let maxTokensPerRequest = 300_000

    public let keyPolicy: KeyPolicy
    public let limits: SimulatedLimits
    private let rateLimiter: RateLimiter

    /// - Parameters:
    ///   - embedder: the model behind the vectors; the bundled semantic model by default.
    ///   - tokenCounter: cl100k_base from the `Tokenizer` module by default.
    ///   - keyPolicy: which bearer keys pass; the placeholder only, by default.
    ///   - limits: simulated rate limits and latency; none by default.
    ///   - clock: the time the rate limits see.
    ///
    /// The defaults read their bundled files once per process, the only files the fake touches.
    public init(
        embedder: (any TextEmbedder)? = nil,
        tokenCounter: (any TokenCounting)? = nil,
        keyPolicy: KeyPolicy = .placeholderOnly,
        limits: SimulatedLimits = .none,
        clock: FakeClock = .continuous
    ) {
        let embedder = embedder.map { Result<any TextEmbedder, FakeAPIError>.success($0) } ?? BundledOfflineModel.embedder
        let tokenCounter = tokenCounter.map { Result<any TokenCounting, FakeAPIError>.success($0) } ?? BundledOfflineModel.tokenCounter
        components = embedder.flatMap { embedder in tokenCounter.map { Components(embedder: embedder, tokenCounter: $0) } }
        self.keyPolicy = keyPolicy
        self.limits = limits
        rateLimiter = RateLimiter(limits: limits, clock: clock)
    }

    /// What turns text into tokens and vectors, or why the bundled files could not be used.
    private let components: Result<Components, FakeAPIError>

    private struct Components: Sendable {
        var embedder: any TextEmbedder
        var tokenCounter: any TokenCounting
    }

    /// The name of the encoding that counts tokens (`cl100k_base`), or nil when it failed to load.
    public var encodingName: String? { try? components.get().tokenCounter.encodingName }

    /// A successful `create`: the response and the rate-limit headers that go with it.
    public struct Created: Sendable {
        public var response: EmbeddingResponse
        public var headers: [FakeHTTPHeader]
    }

    /// `POST /v1/embeddings` with an already decoded body. `authorization` is the
    /// `Authorization` header's value.
    public func create(_ request: EmbeddingRequest, authorization: String?) throws(FakeAPIError) -> Created {
        try authenticate(authorization)
        let components = try components.get()
        guard let model = FakeModel.named(request.model) else { throw .modelNotFound(request.model) }
        let format = request.encodingFormat ?? .float
        guard format.isSupported else { throw .unsupportedEncodingFormat(format.rawValue) }
        if let dimensions = request.dimensions {
            guard model.acceptsDimensions else { throw .dimensionsNotSupported }
            guard (1...model.dimensions).contains(dimensions) else { throw .dimensionsOutOfRange(dimensions, model: model) }
        }

        let texts = try texts(of: request.input, counter: components.tokenCounter)
        var totalTokens = 0
        for text in texts {
            let count = text.tokenCount
            guard count <= Self.maxTokensPerInput else { throw .contextLengthExceeded(tokens: count) }
            totalTokens += count
        }
        guard totalTokens <= Self.maxTokensPerRequest else { throw .tooManyTokensInRequest(tokens: totalTokens) }

        var headers: [FakeHTTPHeader] = []
        if rateLimiter.isActive {
            switch rateLimiter.admit(tokenCount: totalTokens, model: model.id) {
            case .allowed(let granted): headers = granted
            case .limited(let error): throw error
            }
        }

        let data = texts.enumerated().map { index, text in
            let vector = Self.vector(for: text.content, model: model, dimensions: request.dimensions, embedder: components.embedder)
            let embedding: Embedding = format == .base64 ? .base64(Base64Float32.encode(vector)) : .floats(vector)
            return EmbeddingObject(index: index, embedding: embedding)
        }
        let response = EmbeddingResponse(data: data, model: model.id, usage: Usage(promptTokens: totalTokens, totalTokens: totalTokens))
        return Created(response: response, headers: headers)
    }

    /// `GET /v1/models`.
    public func listModels(authorization: String?) throws(FakeAPIError) -> ModelList {
        try authenticate(authorization)
        return ModelList(data: FakeModel.all.map(Self.modelObject))
    }

    /// `GET /v1/models/{id}`.
    public func retrieveModel(_ id: String, authorization: String?) throws(FakeAPIError) -> ModelObject {
        try authenticate(authorization)
        guard let model = FakeModel.named(id) else { throw .modelNotFound(id) }
        return Self.modelObject(model)
    }

    /// The vector for `text`: the model's full-size embedding, or its first `dimensions`
    /// components renormalised to unit length (how text-embedding-3 shortens vectors).
    static func vector(for text: String, model: FakeModel, dimensions: Int?, embedder: any TextEmbedder) -> [Float] {
        let full = embedder.embed(text, model: model.id, dimensions: model.dimensions)
        guard let dimensions, dimensions < full.count else { return full }
        var prefix = Array(full.prefix(dimensions))
        var sumOfSquares: Float = 0
        for value in prefix { sumOfSquares += value * value }
        if sumOfSquares > 0 {
            let inverse = 1 / sumOfSquares.squareRoot()
            for position in prefix.indices { prefix[position] *= inverse }
        }
        return prefix
    }

    private func authenticate(_ authorization: String?) throws(FakeAPIError) {
        guard let key = Self.bearerKey(authorization), !key.isEmpty else { throw .missingAPIKey }
        switch keyPolicy {
        case .anyKey: return
        case .placeholderOnly:
            guard key == Self.placeholderToken else { throw .incorrectAPIKey(key) }
        }
    }

    /// The key of an `Authorization: Bearer KEY` header value.
    static func bearerKey(_ authorization: String?) -> String? {
        guard let authorization else { return nil }
        let trimmed = authorization.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bearer") else { return nil }
        return String(trimmed.dropFirst("bearer".count)).trimmingCharacters(in: .whitespaces)
    }

    /// One input item: the text to embed and its token count.
    private struct InputText {
        var content: String
        var tokenCount: Int
    }

    private func texts(of input: EmbeddingInput, counter tokenCounter: any TokenCounting) throws(FakeAPIError) -> [InputText] {
        switch input {
        case .text(let text):
            guard !text.isEmpty else { throw .invalidInput }
            return [InputText(content: text, tokenCount: tokenCounter.tokenCount(text))]
        case .texts(let texts):
            guard !texts.isEmpty, texts.count <= Self.maxInputs, !texts.contains(where: \.isEmpty) else { throw .invalidInput }
            return texts.map { InputText(content: $0, tokenCount: tokenCounter.tokenCount($0)) }
        case .tokens(let tokens):
            return [try tokenText(tokens, counter: tokenCounter)]
        case .tokenArrays(let arrays):
            guard !arrays.isEmpty, arrays.count <= Self.maxInputs else { throw .invalidInput }
            var result: [InputText] = []
            result.reserveCapacity(arrays.count)
            for tokens in arrays { result.append(try tokenText(tokens, counter: tokenCounter)) }
            return result
        }
    }

    private func tokenText(_ tokens: [Int], counter tokenCounter: any TokenCounting) throws(FakeAPIError) -> InputText {
        guard !tokens.isEmpty else { throw .invalidInput }
        if let invalid = tokens.first(where: { !tokenCounter.isValidToken($0) }) {
            throw .invalidTokenID(invalid, encoding: tokenCounter.encodingName)
        }
        let text = tokenCounter.text(for: tokens) ?? tokens.map { "t\($0)" }.joined(separator: " ")
        return InputText(content: text, tokenCount: tokens.count)
    }

    private static func modelObject(_ model: FakeModel) -> ModelObject {
        ModelObject(id: model.id, created: model.created, ownedBy: model.ownedBy)
    }
}
