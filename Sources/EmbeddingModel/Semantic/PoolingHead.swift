/// The small residual layer the static model applies after pooling:
/// `z = u + relu(u · W1 + b1) · W2`, with `u` the normalised sum of the token vectors.
///
/// A sum of token vectors cannot model how words interact; this one hidden layer (trained with
/// the table, Tools/semantic-model/train.py) bends the pooled vector towards MiniLM's where a
/// plain sum falls short. It costs two `dimensions × width` multiply-adds per text. An
/// EMBSEM07 file has a second layer of the same form on the head's normalised output.
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
        inputWeights.withUnsafeBufferPointer { weights in
            RowSweep.accumulate(input, times: weights, rowLength: width, into: &hidden, skipping: { $0 == 0 })
        }
        // Hidden units at or below zero are the ReLU's zeros: they add nothing.
        outputWeights.withUnsafeBufferPointer { weights in
            RowSweep.accumulate(hidden, times: weights, rowLength: dimensions, into: &output, skipping: { $0 <= 0 })
        }
        return output
    }
}
