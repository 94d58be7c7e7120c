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
        var words = WordHashEmbedder.wordHashes(in: text)
        if words.isEmpty { words = [(FNV1a.hash(text.utf8, seed: FNV1a.offsetBasis), 1)] }

        var vector = [Float](repeating: 0, count: dimensions)
        var scratch = [UInt32](repeating: 0, count: (dimensions + 1) / 2 + 8)
        let modelSeed = FNV1a.hash(model.utf8, seed: FNV1a.offsetBasis)
        var sumOfSquaredWeights: Float = 0
        for (word, weight) in words {
            addDirection(seed: WordHashEmbedder.combine(word, modelSeed), weight: weight, to: &vector, scratch: &scratch)
            sumOfSquaredWeights += weight * weight
        }
        // Word directions are near-orthogonal, so the words' sum has a length close to
        // sqrt(Σ weight²) · |direction|; scaling the shared direction by that keeps its share
        // the same for short and long texts without a second pass over the vector.
        let shared = WordHashEmbedder.combine(FNV1a.hash("<shared>".utf8, seed: FNV1a.offsetBasis), modelSeed)
        addDirection(seed: shared, weight: sharedDirectionWeight * sumOfSquaredWeights.squareRoot(), to: &vector, scratch: &scratch)
        WordHashEmbedder.normalize(&vector)
        return vector
    }

    /// One seed from a word's hash and a model's: SplitMix64's finaliser over both, so the
    /// same word gets unrelated directions in different models.
    static func combine(_ word: UInt64, _ model: UInt64) -> UInt64 {
        var mixed = word ^ (model &* 0x9e37_79b9_7f4a_7c15)
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
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

    /// The words of `text` as FNV-1a hashes of their folded spelling (lower-cased, a plural
    /// `s` dropped), with weights, in order of first appearance, repeated words summed.
    /// ASCII text is scanned byte by byte; other text goes through Unicode's letter tables.
    static func wordHashes(in text: String) -> [(UInt64, Float)] {
        var hashes: [(UInt64, Float)] = []
        var positions: [UInt64: Int] = [:]
        func add(_ word: UnsafeBufferPointer<UInt8>) {
            var length = word.count
            if length > 3, word[length - 1] == UInt8(ascii: "s"), word[length - 2] != UInt8(ascii: "s") { length -= 1 }
            let hash = FNV1a.hash(UnsafeBufferPointer(rebasing: word[0..<length]), seed: FNV1a.offsetBasis)
            let weight: Float = commonWordHashes.contains(hash) ? 0.15 : 1
            if let position = positions[hash] {
                hashes[position].1 += weight
            } else {
                positions[hash] = hashes.count
                hashes.append((hash, weight))
            }
        }

        var text = text
        let isASCII = text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 } }
        var word: [UInt8] = []
        word.reserveCapacity(32)
        let finishWord = {
            if !word.isEmpty {
                word.withUnsafeBufferPointer(add)
                word.removeAll(keepingCapacity: true)
            }
        }
        if isASCII {
            text.withUTF8 { bytes in
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                    default: finishWord()
                    }
                }
            }
        } else {
            var current = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isWordCharacter(scalar) {
                    current.append(scalar)
                } else if !current.isEmpty {
                    word.append(contentsOf: String(current).lowercased().utf8)
                    current = String.UnicodeScalarView()
                    finishWord()
                }
            }
            if !current.isEmpty { word.append(contentsOf: String(current).lowercased().utf8) }
        }
        finishWord()
        return hashes
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

    /// The hashes of `commonWords`, for the scan.
    static let commonWordHashes = Set(commonWords.map { FNV1a.hash($0.utf8, seed: FNV1a.offsetBasis) })

    /// English words so frequent that sharing them says little about meaning.
    static let commonWords: [String] = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "from", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
        "those", "as", "i", "you", "he", "she", "we", "they", "my", "your", "our", "their",
        "do", "does", "did", "not", "no", "so", "if", "then", "than", "there", "what", "which",
        "who", "how", "can", "will", "would", "should", "has", "have", "had", "me", "him", "her",
    ]
}
