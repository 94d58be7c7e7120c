import EmbeddingModel

/// Cosine similarity of two vectors of equal length.
func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Float = 0, normA: Float = 0, normB: Float = 0
    for index in a.indices {
        dot += a[index] * b[index]
        normA += a[index] * a[index]
        normB += b[index] * b[index]
    }
    return dot / (normA.squareRoot() * normB.squareRoot())
}

/// Euclidean norm.
func norm(_ vector: [Float]) -> Float {
    vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
}

/// The renormalised first `count` components, as the API returns for `dimensions`.
func prefix(_ vector: [Float], _ count: Int) -> [Float] {
    let head = Array(vector.prefix(count))
    let length = norm(head)
    return head.map { $0 / length }
}

/// Indices of `candidates` sorted from most to least similar to `query`.
func ranking(of query: [Float], among candidates: [[Float]]) -> [Int] {
    candidates.indices.sorted { cosine(query, candidates[$0]) > cosine(query, candidates[$1]) }
}

/// The candidate text nearest to `query`.
func nearest(_ query: String, among candidates: [String], embedder: SemanticEmbedder, model: String = "text-embedding-3-small") -> String {
    let queryVector = embedder.embed(query, model: model, dimensions: 1536)
    let vectors = candidates.map { embedder.embed($0, model: model, dimensions: 1536) }
    return candidates[ranking(of: queryVector, among: vectors)[0]]
}
