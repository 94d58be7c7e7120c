import EmbeddingModel
import Foundation

/// Fake-embedding speed: model load time, then embeddings per second for short texts on one
/// core (the target is at least 20,000/s), beside the word-hash baseline when it is present.
/// With `EMBEDLINGS_BENCH_OTHER_MODEL` set to another model file, both are timed in turns in
/// the same run, so a change of model is measured side by side.
enum EmbedderBenchmark {
    static let command = "make bench   (swift run -c release Benchmarks)"
    static let otherModelVariable = "EMBEDLINGS_BENCH_OTHER_MODEL"

    /// Short texts of the kind the lessons embed: product names, queries, review snippets.
    static let shortTexts: [String] = {
        let subjects = ["soap", "laptop", "running shoes", "coffee maker", "headphones", "board game", "tent", "kitchen knife"]
        let frames = ["A bar of %@", "Cheap %@ for students", "Is this %@ any good?", "The best %@ I have owned", "%@ with free delivery"]
        return frames.flatMap { frame in subjects.map { frame.replacingOccurrences(of: "%@", with: $0) } }
    }()

    static func run() {
        print("== Fake embeddings (EmbeddingModel) — \(command)")
        guard let url = SemanticEmbedder.bundledModelURL else {
            print("semantic model unavailable: semantic-model.bin is not installed beside the binary")
            return
        }
        let loadStart = ContinuousClock.now
        let embedder: SemanticEmbedder
        do {
            embedder = try SemanticEmbedder(contentsOf: url)
        } catch {
            print("semantic model unavailable: \(error)")
            return
        }
        let loadTime = ContinuousClock.now - loadStart
        print("load semantic-model.bin (read, check, index; what first use costs): \(format(loadTime))")
        for (model, size) in [("text-embedding-3-small", 1536), ("text-embedding-3-large", 3072)] {
            let rate = measure(texts: shortTexts) { embedder.embed($0, model: model, dimensions: size) }
            print("SemanticEmbedder \(model) (\(size)-d), short texts, one thread: \(Int(rate)) embeddings/s (target ≥ 20000)")
        }
        let tokenRate = measure(texts: shortTexts) { embedder.tokenizer.ids(for: $0).map(Float.init) }
        print("WordPiece tokenisation alone, short texts: \(Int(tokenRate)) texts/s")
        if let otherPath = ProcessInfo.processInfo.environment[otherModelVariable] {
            compare(bundled: embedder, withFileAt: otherPath)
        }
    }

    /// Five turns each of the bundled model and the file at `path`, alternating, on 1536-d
    /// embeddings: the median rate of each and their ratio.
    static func compare(bundled: SemanticEmbedder, withFileAt path: String) {
        let other: SemanticEmbedder
        do {
            other = try SemanticEmbedder(contentsOf: URL(fileURLWithPath: path))
        } catch {
            print("\(otherModelVariable): \(error)")
            return
        }
        var bundledRates: [Double] = [], otherRates: [Double] = []
        for _ in 0..<5 {
            bundledRates.append(measure(texts: shortTexts) { bundled.embed($0, model: "text-embedding-3-small", dimensions: 1536) })
            otherRates.append(measure(texts: shortTexts) { other.embed($0, model: "text-embedding-3-small", dimensions: 1536) })
        }
        let bundledMedian = bundledRates.sorted()[2], otherMedian = otherRates.sorted()[2]
        print("side by side, 1536-d, median of 5 alternating turns: bundled \(Int(bundledMedian)) embeddings/s, \(path) \(Int(otherMedian)) embeddings/s, bundled ÷ other \(String(format: "%.3f", bundledMedian / otherMedian))")
    }

    /// Texts per second over about a second of repeated passes, on the calling thread.
    static func measure(texts: [String], _ body: (String) -> [Float]) -> Double {
        var checksum: Float = 0
        for text in texts { checksum += body(text).first ?? 0 }
        var count = 0
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        while elapsed < .seconds(1) {
            for text in texts { checksum += body(text).first ?? 0 }
            count += texts.count
            elapsed = ContinuousClock.now - start
        }
        if checksum.isNaN { print("(checksum \(checksum))") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(count) / seconds
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f ms", milliseconds)
    }
}
