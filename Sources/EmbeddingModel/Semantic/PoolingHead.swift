/// The small residual layer the static model applies after pooling:
/// `z = u + relu(u · W1 + b1) · W2`, with `u` the normalised sum of the token vectors.
///
/// A sum of token vectors cannot model how words interact; this one hidden layer (trained with
/// the table, Tools/semantic-model/train.py) bends the pooled vector towards MiniLM's where a
/// plain sum falls short. It costs two `dimensions × width` multiply-adds per text.
struct PoolingHead: Sendable {
    let dimensions: Int
    let width: Int
    /// `dimensions × width`, row-major: row `i` is what input component `i` adds to the hidden units.
    let inputWeights: [Float]
    let hiddenBias: [Float]
    /// `width × dimensions`, row-major: row `j` is what hidden unit `j` adds to the output.
    let outputWeights: [Float]

    /// `u + relu(u · W1 + b1) · W2` (not normalised).
    func apply(_ input: [Float]) -> [Float] {
        var hidden = hiddenBias
        var output = input
        Self.accumulate(input, times: inputWeights, rowLength: width, into: &hidden, skipping: { $0 == 0 })
        // Hidden units at or below zero are the ReLU's zeros: they add nothing.
        Self.accumulate(hidden, times: outputWeights, rowLength: dimensions, into: &output, skipping: { $0 <= 0 })
        return output
    }

    /// `target += Σ_row coefficients[row] · matrix[row]` over the rows not skipped, written as
    /// contiguous row sweeps on raw pointers so the compiler vectorises them.
    @inline(__always)
    private static func accumulate(_ coefficients: [Float], times matrix: [Float], rowLength: Int, into target: inout [Float], skipping skip: (Float) -> Bool) {
        coefficients.withUnsafeBufferPointer { factors in
            matrix.withUnsafeBufferPointer { rows in
                target.withUnsafeMutableBufferPointer { sums in
                    guard let first = rows.baseAddress, let out = sums.baseAddress,
                          rows.count >= factors.count * rowLength, sums.count >= rowLength else { return }
                    for row in 0..<factors.count where !skip(factors[row]) {
                        let factor = factors[row]
                        let weights = first + row * rowLength
                        for index in 0..<rowLength {
                            out[index] += factor * weights[index]
                        }
                    }
                }
            }
        }
    }
}
