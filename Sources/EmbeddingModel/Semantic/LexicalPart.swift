/// The exact-word half of the output: which pieces a text contains, beside what it means.
///
/// A static model blurs rare words into their neighbourhood ("Minix" lands near every other
/// filesystem), so a query that names one thing finds a paragraph about its cousin. Each
/// distinct piece of the text adds its weight (its inverse document frequency over the
/// training texts), with a sign, to one of `buckets` components. The part is normalised and
/// placed beside the semantic vector scaled by `share`, so the cosine of two texts is
/// `(semantic cosine + share² · lexical cosine) / (1 + share²)`.
///
/// Where each piece goes is data: EMBSEM05 and EMBSEM06 files store every piece's bucket, chosen so that
/// the most frequent pieces never share one and the load is even; EMBSEM04 files placed pieces
/// by a fixed hash of their id, which is recomputed here. Tools/semantic-model/lexical.py counts the weights,
/// places the pieces and chooses the share on held-out data (docs/semantic-model.md).
struct LexicalPart: Sendable {
    /// Components of the part.
    let buckets: Int
    /// Its scale beside the unit semantic vector.
    let share: Float
    /// Each vocabulary token's bucket, below `buckets`.
    let bucketOfToken: [UInt16]
    /// Each vocabulary token's weight, with the sign it adds with.
    let signedWeights: [Float]

    /// A part whose placement was read from the file (EMBSEM05, EMBSEM06).
    init(buckets: Int, share: Float, bucketOfToken: [UInt16], signedWeights: [Float]) {
        self.buckets = buckets
        self.share = share
        self.bucketOfToken = bucketOfToken
        self.signedWeights = signedWeights
    }

    /// A part placed by the hash of each token id (EMBSEM04): bucket `hash % buckets`, sign the
    /// hash's top bit. `buckets` is at most 65,536, so every bucket fits 16 bits.
    init(buckets: Int, share: Float, hashedWeights weights: [Float]) {
        let hashes = weights.indices.map { Self.hash(UInt64($0)) }
        self.init(
            buckets: buckets, share: share,
            bucketOfToken: hashes.map { UInt16(truncatingIfNeeded: $0 % UInt64(buckets)) },
            signedWeights: zip(weights, hashes).map { weight, hash in hash >> 63 == 0 ? weight : -weight })
    }

    /// Adds the unnormalised part for the piece ids `ids` (each distinct id counted once) to
    /// `vector[offset ..< offset + buckets]` and returns that range's sum of squares.
    func add(_ ids: [Int32], to vector: inout [Float], at offset: Int) -> Float {
        var distinct = ids
        distinct.sort()
        var previous: Int32?
        return vector.withUnsafeMutableBufferPointer { values in
            for id in distinct where id != previous {
                previous = id
                values[offset + Int(bucketOfToken[Int(id)])] += signedWeights[Int(id)]
            }
            var sumOfSquares: Float = 0
            for index in offset..<(offset + buckets) { sumOfSquares += values[index] * values[index] }
            return sumOfSquares
        }
    }

    /// SplitMix64's output function: spreads consecutive ids over buckets and signs. It is
    /// the first number of the generator the expansion draws its rotations from.
    static func hash(_ value: UInt64) -> UInt64 {
        var source = RotationRandomSource(seed: value)
        return source.next()
    }
}
