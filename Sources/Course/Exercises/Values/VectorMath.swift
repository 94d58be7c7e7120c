/// The few vector measures the checks need.
enum VectorMath {
    /// The Euclidean length.
    static func norm(_ vector: [Double]) -> Double {
        vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Cosine similarity, or `nil` when the lengths differ or a vector is all zeros.
    static func cosine(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count == b.count else { return nil }
        let lengths = norm(a) * norm(b)
        guard lengths > 0 else { return nil }
        var dot = 0.0
        for index in a.indices { dot += a[index] * b[index] }
        return dot / lengths
    }

    /// The indices of the `k` smallest (or largest) scores, best first; ties keep list order.
    static func topIndices(_ scores: [Double], k: Int, largest: Bool) -> [Int] {
        let ordered = scores.indices.sorted { left, right in
            let a = scores[left], b = scores[right]
            if a == b { return left < right }
            return largest ? a > b : a < b
        }
        return Array(ordered.prefix(k))
    }
}
