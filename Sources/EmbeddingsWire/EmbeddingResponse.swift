/// The body of a successful `POST /v1/embeddings`.
public struct EmbeddingResponse: Sendable, Hashable, Codable {
    public var object: String
    public var data: [EmbeddingObject]
    public var model: String
    public var usage: Usage

    public init(data: [EmbeddingObject], model: String, usage: Usage, object: String = "list") {
        self.object = object
        self.data = data
        self.model = model
        self.usage = usage
    }

    /// The same response with every base64 embedding decoded to floats, as the Python SDK
    /// does when the caller did not choose an encoding format.
    public func decodingBase64() throws(Base64Float32Error) -> EmbeddingResponse {
        var copy = self
        for position in copy.data.indices {
            if case .base64 = copy.data[position].embedding {
                copy.data[position].embedding = .floats(try copy.data[position].embedding.floats())
            }
        }
        return copy
    }
}
