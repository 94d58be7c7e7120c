/// A vector times a row-major matrix, as the model's dense layers compute it: one contiguous
/// sweep over each row the vector does not zero, on raw pointers, so the compiler vectorises
/// the inner loop. `PoolingHead`, `ContextWeighting` and `OutputBasis` share it.
enum RowSweep {
    /// `target += Σ_row coefficients[row] · matrix[row]` over the rows `skip` does not reject;
    /// row `row` of `matrix` is the `rowLength` floats from `row * rowLength` on. Does nothing
    /// when `matrix` or `target` is too short for `coefficients` and `rowLength`.
    @inline(__always)
    static func accumulate(_ coefficients: [Float], times matrix: UnsafeBufferPointer<Float>, rowLength: Int, into target: inout [Float], skipping skip: (Float) -> Bool) {
        coefficients.withUnsafeBufferPointer { factors in
            target.withUnsafeMutableBufferPointer { sums in
                guard let first = matrix.baseAddress, let out = sums.baseAddress,
                      matrix.count >= factors.count * rowLength, sums.count >= rowLength else { return }
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
