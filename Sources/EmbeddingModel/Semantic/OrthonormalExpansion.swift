/// A fixed, per-model isometry from the compact model space up to an API-sized vector.
///
/// The output is a run of blocks. Block `b` is `R_b · v`, where `R_b` is block-diagonal with
/// random orthogonal 16 × 16 groups seeded by the model name and `b`, and every block is scaled
/// by `1/√blocks`. Because each `R_b` is orthogonal, the whole map preserves dot products, so
/// cosines are those of the compact space. Two properties follow from the layout:
/// - any prefix made of whole blocks (with the shipped model's 1536-component compact space:
///   1536 of text-embedding-3-large's 3072) keeps the cosines exactly after renormalising, and
///   a prefix inside the first block keeps the leading components of the compact vector: the
///   semantic part's principal components first, which carry most of its variance, and the
///   lexical part after them;
/// - different model names draw different rotations, so their spaces are unrelated.
struct OrthonormalExpansion: Sendable {
    static let groupSize = 16

    let inputDimensions: Int
    let blockCount: Int
    /// `blockCount` blocks of group matrices, each group stored column by column (so a group's
    /// output is a sum of scaled columns, with no horizontal sums) and already multiplied by
    /// `1/√blocks`. The last group of a block is narrower when `inputDimensions` is not a
    /// multiple of 16.
    private let columns: [Float]

    init(model: String, inputDimensions: Int, blockCount: Int) {
        self.inputDimensions = inputDimensions
        self.blockCount = blockCount
        let scale = 1 / Double(blockCount).squareRoot()
        var columns: [Float] = []
        columns.reserveCapacity(blockCount * inputDimensions * Self.groupSize)
        for block in 0..<blockCount {
            var start = 0
            var group = 0
            while start < inputDimensions {
                let width = min(Self.groupSize, inputDimensions - start)
                var random = RotationRandomSource(seed: Self.seed(model: model, block: block, group: group))
                let rows = Self.randomOrthogonal(size: width, using: &random)
                for column in 0..<width {
                    for row in 0..<width {
                        columns.append(Float(Double(rows[row * width + column]) * scale))
                    }
                }
                start += width
                group += 1
            }
        }
        self.columns = columns
    }

    /// `vector` (of `inputDimensions` components) mapped to `outputDimensions` components.
    /// The result has the norm of `vector` when `outputDimensions` is a multiple of `inputDimensions`.
    func expand(_ vector: [Float], to outputDimensions: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: outputDimensions) { out, initialised in
            columns.withUnsafeBufferPointer { matrix in
                vector.withUnsafeBufferPointer { input in
                    expand(input, into: out, matrix: matrix)
                }
            }
            initialised = outputDimensions
        }
    }

    private func expand(_ input: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>, matrix: UnsafeBufferPointer<Float>) {
        var matrixOffset = 0
        var outIndex = 0
        let outputDimensions = out.count
        for _ in 0..<blockCount where outIndex < outputDimensions {
            var start = 0
            while start < inputDimensions, outIndex < outputDimensions {
                let width = min(Self.groupSize, inputDimensions - start)
                let wanted = min(width, outputDimensions - outIndex)
                if width == Self.groupSize, let matrixBase = matrix.baseAddress, let outBase = out.baseAddress {
                    // A full group: sixteen scaled 16-wide columns summed in SIMD registers.
                    var sum = SIMD16<Float>()
                    for column in 0..<width {
                        let values = UnsafeRawPointer(matrixBase + matrixOffset + column * width).loadUnaligned(as: SIMD16<Float>.self)
                        sum += values * input[start + column]
                    }
                    if wanted == width {
                        UnsafeMutableRawPointer(outBase + outIndex).storeBytes(of: sum, as: SIMD16<Float>.self)
                    } else {
                        for row in 0..<wanted { out[outIndex + row] = sum[row] }
                    }
                } else {
                    for row in 0..<wanted {
                        var sum: Float = 0
                        for column in 0..<width {
                            sum += matrix[matrixOffset + column * width + row] * input[start + column]
                        }
                        out[outIndex + row] = sum
                    }
                }
                outIndex += wanted
                matrixOffset += width * width
                start += width
            }
        }
    }

    private static func seed(model: String, block: Int, group: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in model.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (UInt64(block) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(group) &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// A `size` × `size` orthogonal matrix, row-major: Gram–Schmidt on Gaussian rows.
    private static func randomOrthogonal(size: Int, using random: inout RotationRandomSource) -> [Float] {
        var rows: [[Double]] = []
        while rows.count < size {
            var row = (0..<size).map { _ in random.nextGaussian() }
            for _ in 0..<2 {  // twice, so rounding leaves the rows orthogonal to float precision
                for previous in rows {
                    let dot = zip(row, previous).reduce(0) { $0 + $1.0 * $1.1 }
                    for index in row.indices { row[index] -= dot * previous[index] }
                }
            }
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 1e-6 {
                rows.append(row.map { $0 / norm })
            }
        }
        return rows.flatMap { $0.map(Float.init) }
    }
}
