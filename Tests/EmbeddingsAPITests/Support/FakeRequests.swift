import EmbeddingsWire
import FakeEmbeddings
import Foundation

/// Shorthands for talking to a `FakeEmbeddings` the way an HTTP client would.
extension FakeEmbeddings {
    static let bearerPlaceholder = "Bearer <OPENAI_API_TOKEN>"

    func post(_ json: String, authorization: String? = bearerPlaceholder) -> FakeHTTPResponse {
        handle(FakeHTTPRequest(method: "POST", path: "/v1/embeddings", authorization: authorization, body: Array(json.utf8)))
    }

    func embed(_ input: EmbeddingInput, model: String = "text-embedding-3-small", dimensions: Int? = nil) throws -> [[Float]] {
        let created = try create(EmbeddingRequest(input: input, model: model, dimensions: dimensions), authorization: Self.bearerPlaceholder)
        return try created.response.data.map { try $0.embedding.floats() }
    }
}

extension FakeHTTPResponse {
    var errorDetail: APIErrorDetail? {
        try? JSONDecoder().decode(APIErrorBody.self, from: Data(body)).error
    }
}

func cosine(_ first: [Float], _ second: [Float]) -> Float {
    var dot: Float = 0
    for position in first.indices { dot += first[position] * second[position] }
    return dot / (norm(first) * norm(second))
}

func norm(_ vector: [Float]) -> Float {
    vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
