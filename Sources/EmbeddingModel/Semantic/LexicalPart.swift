/// The exact-word half of the output: which pieces a text contains, beside what it means.
///
/// A static model blurs rare words into their neighbourhood ("Minix" lands near every other
/// filesystem), so a query that names one thing finds a paragraph about its cousin. Each
/// distinct piece of the text adds its weight (its inverse document frequency over the
/// training texts, stored in the model file) to one of `buckets` components, with a sign; both
/// come from a fixed hash of the piece id, the same on every machine. The part is normalised
/// and placed beside the semantic vector scaled by `share`, so the cosine of two texts is
/// `(semantic cosine + share² · lexical cosine) / (1 + share²)`. Tools/semantic-model/lexical.py
/// counts the weights and chooses the share on held-out data (docs/semantic-model.md).
struct LexicalPart: Sendable {
    /// Components of the part (its hashed buckets).
    let buckets: Int
    /// Its scale beside the unit semantic vector.
    let share: Float
    /// One weight per vocabulary token.
    let weights: [Float]

    /// Adds the unnormalised part for the piece ids `ids` (each distinct id counted once) to
    /// `vector[offset ..< offset + buckets]` and returns that range's sum of squares.
    func add(_ ids: [Int32], to vector: inout [Float], at offset: Int) -> Float {
        var distinct = ids
        distinct.sort()
        var previous: Int32?
        return vector.withUnsafeMutableBufferPointer { values in
            for id in distinct where id != previous {
                previous = id
                let hash = Self.hash(UInt64(UInt32(bitPattern: id)))
                let weight = weights[Int(id)]
                values[offset + Int(hash % UInt64(buckets))] += hash >> 63 == 0 ? weight : -weight
            }
            var sumOfSquares: Float = 0
            for index in offset..<(offset + buckets) { sumOfSquares += values[index] * values[index] }
            return sumOfSquares
        }
    }

    /// SplitMix64's output function: spreads consecutive ids over buckets and signs.
    static func hash(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
