/// A fixed, per-model isometry from the compact model space up to an API-sized vector.
///
/// The output is a run of blocks. Block `b` is `R_b · v`, where `R_b` is block-diagonal with
/// random orthogonal 16 × 16 groups seeded by the model name and `b`, and every block is scaled
/// by `1/√blocks`. Because each `R_b` is orthogonal, the whole map preserves dot products, so
/// cosines are those of the compact space. Two properties follow from the layout:
/// - any prefix made of whole blocks (with the 128-dimension model: 256, 512, 1024, …) keeps
///   the cosines exactly after renormalising, and a prefix inside the first block keeps the
///   leading principal components, which carry most of the variance;
/// - different model names draw different rotations, so their spaces are unrelated.
struct OrthonormalExpansion: Sendable {
    static let groupSize = 16

    let inputDimensions: Int
    let blockCount: Int
    /// `blockCount` blocks of group matrices, each group row-major and `groupSize` wide (the
    /// last group of a block is narrower when `inputDimensions` is not a multiple of 16).
    private let matrices: [Float]

    init(model: String, inputDimensions: Int, blockCount: Int) {
        self.inputDimensions = inputDimensions
        self.blockCount = blockCount
        var matrices: [Float] = []
        matrices.reserveCapacity(blockCount * inputDimensions * Self.groupSize)
        for block in 0..<blockCount {
            var start = 0
            var group = 0
            while start < inputDimensions {
                let width = min(Self.groupSize, inputDimensions - start)
                var random = RotationRandomSource(seed: Self.seed(model: model, block: block, group: group))
                matrices.append(contentsOf: Self.randomOrthogonal(size: width, using: &random))
                start += width
                group += 1
            }
        }
        self.matrices = matrices
    }

    /// `vector` (of `inputDimensions` components) mapped to `outputDimensions` components.
    /// The result has the norm of `vector` when `outputDimensions` is a multiple of `inputDimensions`.
    func expand(_ vector: [Float], to outputDimensions: Int) -> [Float] {
        let scale = 1 / Float(Double(blockCount).squareRoot())
        var output = [Float](repeating: 0, count: outputDimensions)
        matrices.withUnsafeBufferPointer { matrix in
            vector.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    var matrixOffset = 0
                    var outIndex = 0
                    blocks: for _ in 0..<blockCount {
                        var start = 0
                        while start < inputDimensions {
                            let width = min(Self.groupSize, inputDimensions - start)
                            if width == Self.groupSize, outIndex + width <= outputDimensions,
                               let matrixBase = matrix.baseAddress, let inputBase = input.baseAddress {
                                // A full group: sixteen 16-wide dot products in SIMD registers.
                                let group = UnsafeRawPointer(inputBase + start).loadUnaligned(as: SIMD16<Float>.self)
                                for row in 0..<width {
                                    let weights = UnsafeRawPointer(matrixBase + matrixOffset + row * width).loadUnaligned(as: SIMD16<Float>.self)
                                    out[outIndex] = (weights * group).sum() * scale
                                    outIndex += 1
                                }
                            } else {
                                for row in 0..<width {
                                    if outIndex == outputDimensions { break blocks }
                                    var sum: Float = 0
                                    let rowOffset = matrixOffset + row * width
                                    for column in 0..<width {
                                        sum += matrix[rowOffset + column] * input[start + column]
                                    }
                                    out[outIndex] = sum * scale
                                    outIndex += 1
                                }
                            }
                            matrixOffset += width * width
                            start += width
                        }
                    }
                }
            }
        }
        return output
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
