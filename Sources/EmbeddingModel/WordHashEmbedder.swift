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
        var scratch = [UInt32](repeating: 0, count: (dimensions + 1) / 2 + 8)
        let modelSeed = FNV1a.hash(model.utf8, seed: FNV1a.offsetBasis)
        var sumOfSquaredWeights: Float = 0
        for (word, weight) in words {
            addDirection(seed: FNV1a.hash(word.utf8, seed: modelSeed), weight: weight, to: &vector, scratch: &scratch)
            sumOfSquaredWeights += weight * weight
        }
        // Word directions are near-orthogonal, so the words' sum has a length close to
        // sqrt(Σ weight²) · |direction|; scaling the shared direction by that keeps its share
        // the same for short and long texts without a second pass over the vector.
        addDirection(seed: FNV1a.hash("<shared>".utf8, seed: modelSeed), weight: sharedDirectionWeight * sumOfSquaredWeights.squareRoot(), to: &vector, scratch: &scratch)
        WordHashEmbedder.normalize(&vector)
        return vector
    }

    /// Adds `weight` times the pseudo-random direction of `seed` (components in [-1, 1)).
    /// Each 32-bit hash gives two components; the hashes are counter-based (murmur3's
    /// finaliser of key and position), so they are computed eight at a time with SIMD into
    /// `scratch`, then added to the vector in a second loop the compiler vectorises.
    private func addDirection(seed: UInt64, weight: Float, to vector: inout [Float], scratch: inout [UInt32]) {
        let scale = weight / 32768
        let key = UInt32(truncatingIfNeeded: seed) ^ UInt32(truncatingIfNeeded: seed >> 32)
        let step: UInt32 = 0x9e37_79b9
        let lanes = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7) &* step
        let pairs = (vector.count + 1) / 2
        scratch.withUnsafeMutableBufferPointer { hashes in
            guard let base = UnsafeMutableRawPointer(hashes.baseAddress) else { return }
            var pair = 0
            while pair < pairs {
                let start = SIMD8<UInt32>(repeating: key &+ UInt32(truncatingIfNeeded: pair) &* step)
                base.storeBytes(of: WordHashEmbedder.mix(start &+ lanes), toByteOffset: pair * 4, as: SIMD8<UInt32>.self)
                pair += 8
            }
        }
        let count = vector.count
        vector.withUnsafeMutableBufferPointer { components in
            scratch.withUnsafeBufferPointer { hashes in
                for pair in 0..<(count / 2) {
                    let bits = hashes[pair]
                    components[pair * 2] += Float(Int16(truncatingIfNeeded: bits)) * scale
                    components[pair * 2 + 1] += Float(Int16(truncatingIfNeeded: bits >> 16)) * scale
                }
                if count % 2 == 1 {
                    components[count - 1] += Float(Int16(truncatingIfNeeded: hashes[count / 2])) * scale
                }
            }
        }
    }

    /// murmur3's 32-bit finaliser, lane by lane: every input bit flips about half the output bits.
    static func mix(_ value: SIMD8<UInt32>) -> SIMD8<UInt32> {
        var mixed = value
        mixed ^= mixed &>> 16
        mixed &*= 0x85eb_ca6b
        mixed ^= mixed &>> 13
        mixed &*= 0xc2b2_ae35
        mixed ^= mixed &>> 16
        return mixed
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
            if isWordCharacter(scalar) {
                current.append(scalar)
            } else {
                finishWord()
            }
        }
        finishWord()
        return order.map { ($0, weights[$0] ?? 0) }
    }

    /// Letters and digits of any script; ASCII is decided without a Unicode table lookup.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7a) || (value >= 0x41 && value <= 0x5a) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
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
