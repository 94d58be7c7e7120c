/// The body of `POST /v1/embeddings`.
public struct EmbeddingRequest: Sendable, Hashable, Codable {
    public var input: EmbeddingInput
    public var model: String
    /// Shortens the vectors (text-embedding-3 models only).
    public var dimensions: Int?
    /// `float` when absent.
    public var encodingFormat: EncodingFormat?
    /// An end-user id; the fake ignores it, like the real API does for the result.
    public var user: String?

    public init(
        input: EmbeddingInput,
        model: String,
        dimensions: Int? = nil,
        encodingFormat: EncodingFormat? = nil,
        user: String? = nil
    ) {
        self.input = input
        self.model = model
        self.dimensions = dimensions
        self.encodingFormat = encodingFormat
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case input, model, dimensions
        case encodingFormat = "encoding_format"
        case user
    }
}
