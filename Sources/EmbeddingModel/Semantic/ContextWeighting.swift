import Foundation

/// Context-weighted pooling: how much each piece counts depends on the rest of the text.
///
/// A plain sum gives "bank" the same weight in "river bank" as in "bank account". MiniLM's
/// attention lets the words of a text decide which of them matter; this is the cheapest
/// stand-in (trained with the table, Tools/semantic-model/train.py). In each round `r` the
/// unit vector `u` of the current sum forms a query `q = u · Q_r`, and piece `x` then counts
/// `exp(clamp(x · q, ±6))` times in the next sum (the `[CLS]` row always once). One round
/// costs one `dimensions × dimensions` multiply-add and one dot product per piece.
struct ContextWeighting: Sendable {
    let dimensions: Int
    let rounds: Int
    /// `rounds × dimensions × dimensions`, row-major: `Q_r[i][j]` is what component `i` of the
    /// unit sum adds to component `j` of round `r`'s query.
    let queryMaps: [Float]

    /// The largest score a piece can get before `exp`; keeps every weight finite.
    static let scoreLimit: Float = 6

    /// Round `round`'s query for the unit sum `pooled`.
    func query(for pooled: [Float], round: Int) -> [Float] {
        var query = [Float](repeating: 0, count: dimensions)
        guard round < rounds, pooled.count == dimensions else { return query }
        let size = dimensions * dimensions
        queryMaps.withUnsafeBufferPointer { maps in
            let map = UnsafeBufferPointer(rebasing: maps[(round * size)..<min(maps.count, (round + 1) * size)])
            RowSweep.accumulate(pooled, times: map, rowLength: dimensions, into: &query, skipping: { $0 == 0 })
        }
        return query
    }

    /// A piece's weight from its score against the round's query.
    @inline(__always)
    static func weight(score: Float) -> Float {
        exp(min(max(score, -scoreLimit), scoreLimit))
    }
}
