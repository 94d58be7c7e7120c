import Foundation
import Testing
@testable import EmbeddingModel

/// The Swift pooling (with context weighting and head, when the file has them) against evaluate.py's replica
/// (`static_vectors`), run by real CPython on
/// the bundled file: the published evaluation numbers are only the shipped model's if both
/// compute the same vectors.
@Suite("Pooling differential: Swift computes the vectors evaluate.py scores")
struct PoolingDifferentialTests {
    static let texts = [
        "A bar of soap", "somewhere to sleep outdoors", "Great product, I love it.", "", "   ",
        "Crème brûlée à la française", "def embed(text: str) -> list[float]:", "東京タワー",
        "Terrible product. It broke after one day and support never answered.",
        "list directory contents", "copy files and directories",
        "The river bank was muddy after the storm, so we walked along the road to the bank in town "
            + "and paid the bill there; the cashier said the account was fine and the loan would follow.",
    ]

    func pythonVectors(for texts: [String], model: URL? = nil) throws -> [[Float]] {
        let script = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from build_model import read_model
        from evaluate import static_vectors
        from wordpiece import WordPiece
        tokens, table, head = read_model(sys.argv[2], with_head=True)
        tokenizer = WordPiece({t: i for i, t in enumerate(tokens)})
        print(json.dumps(static_vectors(json.load(sys.stdin), tokenizer, table, head=head).tolist()))
        """
        return try runGeneratorPython(script, input: texts, as: [[Float]].self, model: model)
    }

    @Test("every component agrees with the Python replica", .enabled(if: WordPieceDifferentialTests.pythonAvailable))
    func sameVectors() throws {
        let embedder = try SemanticEmbedder.shared()
        let expected = try pythonVectors(for: Self.texts)
        try #require(expected.count == Self.texts.count)
        for (text, reference) in zip(Self.texts, expected) {
            let vector = embedder.compactVector(text)
            #expect(vector.count == reference.count)
            let largest = zip(vector, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 1e-5, "\(text.debugDescription): differs by \(largest)")
        }
    }

    @Test("a two-layer file (EMBSEM07): every component agrees with the replica too", .enabled(if: WordPieceDifferentialTests.pythonAvailable))
    func secondLayerFile() throws {
        let file = TinyModelFile(
            headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6],
            componentRange: -8...7, compact: true, wideRows: [2], secondLayerWidth: 3)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("two-layer-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(file.bytes).write(to: url)
        let embedder = try SemanticEmbedder(contentsOf: url)
        let texts = ["alpha beta", "beta beta gamma", "gamma", "alpha", "unknown words", ""]
        let expected = try pythonVectors(for: texts, model: url)
        try #require(expected.count == texts.count)
        for (text, reference) in zip(texts, expected) {
            let vector = embedder.compactVector(text)
            #expect(vector.count == reference.count)
            let largest = zip(vector, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 1e-5, "\(text.debugDescription): differs by \(largest)")
        }
    }
}
