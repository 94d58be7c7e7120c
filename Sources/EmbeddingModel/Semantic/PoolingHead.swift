/// The small residual layer the static model applies after pooling:
/// `z = u + relu(u · W1 + b1) · W2`, with `u` the normalised sum of the token vectors.
///
/// A sum of token vectors cannot model how words interact; this one hidden layer (trained with
/// the table, Tools/semantic-model/train.py) bends the pooled vector towards MiniLM's where a
/// plain sum falls short. It costs two `dimensions × width` matrix-vector products per text.
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
        inputWeights.withUnsafeBufferPointer { w1 in
            hidden.withUnsafeMutableBufferPointer { h in
                for (row, value) in input.enumerated() where value != 0 {
                    let offset = row * width
                    for unit in 0..<width {
                        h[unit] += value * w1[offset + unit]
                    }
                }
            }
        }
        outputWeights.withUnsafeBufferPointer { w2 in
            output.withUnsafeMutableBufferPointer { out in
                for (unit, activation) in hidden.enumerated() where activation > 0 {
                    let offset = unit * dimensions
                    for index in 0..<dimensions {
                        out[index] += activation * w2[offset + index]
                    }
                }
            }
        }
        return output
    }
}
