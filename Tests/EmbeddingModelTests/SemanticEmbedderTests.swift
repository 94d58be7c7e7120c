import Testing
@testable import EmbeddingModel

@Suite("Semantic embedder: the vectors the fake endpoint returns")
struct SemanticEmbedderTests {
    let embedder: SemanticEmbedder

    init() throws {
        embedder = try SemanticEmbedder.shared()
    }

    @Test("the same text gives the same vector, call after call")
    func deterministic() {
        let first = embedder.embed("A bar of lavender soap", model: "text-embedding-3-small", dimensions: 1536)
        let second = embedder.embed("A bar of lavender soap", model: "text-embedding-3-small", dimensions: 1536)
        #expect(first == second)
    }

    @Test("vectors have unit norm at every model size", arguments: [
        ("text-embedding-3-small", 1536), ("text-embedding-3-large", 3072), ("text-embedding-ada-002", 1536),
    ])
    func unitNorm(model: String, size: Int) {
        for text in ["", "hi", "The quick brown fox jumps over the lazy dog.", "東京 🙂 Crème brûlée"] {
            let vector = embedder.embed(text, model: model, dimensions: size)
            #expect(vector.count == size)
            #expect(abs(norm(vector) - 1) < 1e-4)
        }
    }

    @Test("each model is its own space: one text in two models gives unrelated vectors")
    func modelsDiffer() {
        let text = "Running shoes"
        let small = embedder.embed(text, model: "text-embedding-3-small", dimensions: 1536)
        let ada = embedder.embed(text, model: "text-embedding-ada-002", dimensions: 1536)
        let large = Array(embedder.embed(text, model: "text-embedding-3-large", dimensions: 3072).prefix(1536))
        #expect(abs(cosine(small, ada)) < 0.3)
        #expect(abs(cosine(small, large)) < 0.3)
    }

    @Test("within each model, similarities are the same: the expansion preserves cosines")
    func expansionPreservesCosines() {
        let a = "How do I reset my password?", b = "I forgot my login credentials"
        let compact = cosine(embedder.compactVector(a), embedder.compactVector(b))
        for (model, size) in [("text-embedding-3-small", 1536), ("text-embedding-3-large", 3072), ("text-embedding-ada-002", 1536)] {
            let expanded = cosine(embedder.embed(a, model: model, dimensions: size), embedder.embed(b, model: model, dimensions: size))
            #expect(abs(expanded - compact) < 1e-4)
        }
    }

    @Test("text-embedding-3-large's first 1536 components, one whole block, keep the cosines and so the ranking")
    func wholeBlockPrefixKeepsRanking() {
        let length = embedder.compactDimensions
        let query = embedder.embed("something to wash my hands with", model: "text-embedding-3-large", dimensions: 3072)
        let full = ProductCatalogue.products.map { embedder.embed($0, model: "text-embedding-3-large", dimensions: 3072) }
        let shortQuery = prefix(query, length)
        let short = full.map { prefix($0, length) }
        #expect(ranking(of: shortQuery, among: short) == ranking(of: query, among: full))
        for vector in full {
            #expect(abs(cosine(shortQuery, prefix(vector, length)) - cosine(query, vector)) < 1e-4)
        }
    }

    @Test("a 256-component prefix, the semantic part alone, still finds what a query means", arguments: [
        ("something to wash my hands with", ProductCatalogue.soap), ("computer", ProductCatalogue.laptop), ("somewhere to sleep outdoors", "A tent"),
    ])
    func semanticPrefixFindsMeaning(query: String, expected: String) {
        let short = { (text: String) in self.embedder.embed(text, model: "text-embedding-3-small", dimensions: 256) }
        let products = ProductCatalogue.products.map(short)
        let best = ranking(of: short(query), among: products)[0]
        #expect(ProductCatalogue.products[best] == expected)
    }

    @Test("a prefix inside the first block has the cosines of the leading principal components", arguments: [16, 48, 64, 96])
    func shortPrefixIsLeadingComponents(length: Int) {
        let texts = ["soap", "A bar of soap", "A laptop", "a tent for four people", "Bad product, I hate it."]
        let expanded = texts.map { prefix(embedder.embed($0, model: "text-embedding-3-small", dimensions: 1536), length) }
        let leading = texts.map { prefix(embedder.compactVector($0), length) }
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(abs(cosine(expanded[i], expanded[j]) - cosine(leading[i], leading[j])) < 1e-4)
            }
        }
    }

    @Test("non-API sizes are still unit vectors of the requested length", arguments: [1, 100, 1000])
    func oddSizes(size: Int) {
        let vector = embedder.embed("a tent for four people", model: "text-embedding-3-small", dimensions: size)
        #expect(vector.count == size)
        #expect(abs(norm(vector) - 1) < 1e-4)
    }
}
