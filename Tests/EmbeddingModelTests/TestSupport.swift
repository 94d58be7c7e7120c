import DifferentialSupport
import EmbeddingModel
import Foundation
import Testing

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

/// Runs `script` with real CPython beside the model's generator: argv[1] is
/// Tools/semantic-model (for imports), argv[2] the model file (`model`, or the bundled one).
/// `input` goes to stdin as JSON and stdout is decoded as JSON, so a test compares Swift with
/// the generator's Python.
func runGeneratorPython<Output: Decodable>(_ script: String, input: some Encodable, as _: Output.Type, model: URL? = nil) throws -> Output {
    let resource = try #require(model ?? SemanticEmbedder.bundledModelURL)
    let result = try ChildProcess.run(
        ["python3", "-c", script, WordPieceDifferentialTests.tools.path, resource.path],
        input: try JSONEncoder().encode(input)
    )
    try #require(result.status == 0, "python3 with numpy is needed (make python-deps): \(result.lastErrorLine)")
    return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
}
