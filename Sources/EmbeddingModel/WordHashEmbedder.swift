/// A deterministic embedder built from hashed words: the interim model of the fake endpoint
/// and the baseline that a learned model is measured against.
///
/// Each word (lower-cased, with a plural `s` folded) stands for a dense pseudo-random
/// direction drawn from a hash of the model name and the word, so texts that share words
/// point the same way and texts that share none are close to orthogonal. Very common words
/// weigh less, so "the cat" and "the car" are not close just because of "the". A small
/// direction shared by every text of a model gives unrelated texts the slightly positive
/// similarity that real embedding models show. Different models hash into different spaces.
public struct WordHashEmbedder: TextEmbedder {
    /// How strongly every text leans towards the model's shared direction.
    let sharedDirectionWeight: Float

    public init() {
        sharedDirectionWeight = 0.35
    }

    public func embed(_ text: String, model: String, dimensions: Int) -> [Float] {
        guard dimensions > 0 else { return [] }
        var words = WordHashEmbedder.words(in: text)
        if words.isEmpty { words = [(text, 1)] }

        var vector = [Float](repeating: 0, count: dimensions)
        let modelSeed = FNV1a.hash(model.utf8, seed: FNV1a.offsetBasis)
        for (word, weight) in words {
            addDirection(seed: FNV1a.hash(word.utf8, seed: modelSeed), weight: weight, to: &vector)
        }
        WordHashEmbedder.normalize(&vector)

        var shared = [Float](repeating: 0, count: dimensions)
        addDirection(seed: FNV1a.hash("<shared>".utf8, seed: modelSeed), weight: 1, to: &shared)
        WordHashEmbedder.normalize(&shared)
        for position in vector.indices {
            vector[position] += sharedDirectionWeight * shared[position]
        }
        WordHashEmbedder.normalize(&vector)
        return vector
    }

    /// Adds `weight` times the pseudo-random direction of `seed` (components in [-1, 1)).
    private func addDirection(seed: UInt64, weight: Float, to vector: inout [Float]) {
        var generator = SplitMix64(state: seed)
        let scale = weight / 32768
        vector.withUnsafeMutableBufferPointer { buffer in
            var position = 0
            while position < buffer.count {
                var bits = generator.next()
                for _ in 0..<4 where position < buffer.count {
                    buffer[position] += Float(Int16(truncatingIfNeeded: bits)) * scale
                    bits >>= 16
                    position += 1
                }
            }
        }
    }

    /// The words of `text` with their weights, in order of appearance, repeated words summed.
    static func words(in text: String) -> [(String, Float)] {
        var weights: [String: Float] = [:]
        var order: [String] = []
        var current = String.UnicodeScalarView()
        func finishWord() {
            guard !current.isEmpty else { return }
            var word = String(current).lowercased()
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            let weight: Float = commonWords.contains(word) ? 0.15 : 1
            if weights[word] == nil { order.append(word) }
            weights[word, default: 0] += weight
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                finishWord()
            }
        }
        finishWord()
        return order.map { ($0, weights[$0] ?? 0) }
    }

    static func normalize(_ vector: inout [Float]) {
        var sumOfSquares: Float = 0
        for value in vector { sumOfSquares += value * value }
        guard sumOfSquares > 0 else { return }
        let inverse = 1 / sumOfSquares.squareRoot()
        for position in vector.indices { vector[position] *= inverse }
    }

    /// English words so frequent that sharing them says little about meaning.
    static let commonWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
        "those", "as", "i", "you", "he", "she", "we", "they", "my", "your", "our", "their",
        "do", "does", "did", "not", "no", "so", "if", "then", "than", "there", "what", "which",
        "who", "how", "can", "will", "would", "should", "has", "have", "had", "me", "him", "her",
    ]
}
