/// The map that turns a compact model's semantic output back onto its principal axes.
///
/// A compact model file (EMBSEM06) keeps its table turned by a fixed random rotation: on the
/// principal axes a few large leading components would set the 4-bit rounding step of their
/// blocks; turned, every component rounds alike, and the rounding costs about 40% less. Cosines
/// do not depend on the axes, but a `dimensions` prefix does: it should hold the leading
/// principal components, the best low-rank part of the vector. This orthogonal map restores
/// them. It costs one `dimensions × dimensions` multiply-add sweep per text.
struct OutputBasis: Sendable {
    let dimensions: Int
    /// `dimensions × dimensions`, row-major: row `i` is what input component `i` adds to the output.
    let matrix: [Float]

    /// `input · matrix` (not normalised).
    func apply(_ input: [Float]) -> [Float] {
        var output = [Float](repeating: 0, count: dimensions)
        guard input.count == dimensions else { return output }
        matrix.withUnsafeBufferPointer { rows in
            RowSweep.accumulate(input, times: rows, rowLength: dimensions, into: &output, skipping: { $0 == 0 })
        }
        return output
    }
}
