/// One item of a response's `data`: `{"object": "embedding", "index": i, "embedding": ...}`.
public struct EmbeddingObject: Sendable, Hashable, Codable {
    public var object: String
    /// The position of the input this embedding belongs to.
    public var index: Int
    public var embedding: Embedding

    public init(index: Int, embedding: Embedding, object: String = "embedding") {
        self.object = object
        self.index = index
        self.embedding = embedding
    }
}
