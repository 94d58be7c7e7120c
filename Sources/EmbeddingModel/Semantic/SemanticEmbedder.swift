import Foundation
import ResourceBundles

/// Offline embeddings whose similarities track all-MiniLM-L6-v2.
///
/// A static model distilled from MiniLM (Tools/semantic-model/, method in docs/semantic-model.md):
/// WordPiece-tokenise, add up the quantised token vectors (each already scaled by its frequency
/// weight, so this is a weighted mean up to length) and the fitted constant term stored in the
/// `[CLS]` row, normalise; if the file has context weighting (`ContextWeighting`), sum again
/// with each piece weighted by how it fits that first sum, and normalise (once per round); pass it through the
/// small residual head if the file has one (`PoolingHead`) and normalise again (and once more
/// through a second such layer, if the file has one); turn a compact
/// model's output back onto its principal axes (`OutputBasis`); if the file has
/// a lexical part (`LexicalPart`), put it beside that vector and normalise the whole; then
/// expand with the model's fixed orthonormal map to the requested size. Deterministic, unit
/// norm, and each model name gets its own space.
public struct SemanticEmbedder: TextEmbedder {
    /// The bundled resource's file name.
    public static let resourceName = "semantic-model.bin"
    /// The models the expansion is prepared for at load time; others are built per call.
    static let knownModels = ["text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536]

    /// WordPiece over the model's vocabulary.
    public let tokenizer: WordPieceTokenizer
    /// Size of the compact space (before expansion): the semantic part and the lexical part.
    public let compactDimensions: Int
    /// Size of the semantic part, the token vectors' width.
    private let semanticDimensions: Int
    /// One scale per `scaleBlock` components of each row (`SemanticModelFile.scales`).
    private let scales: [Float]
    private let scaleBlock: Int
    private let vectors: [Int8]
    /// The `[CLS]` row: the fit's constant term, added to every text (none if the vocabulary
    /// has no `[CLS]`).
    private let constantRow: Int32?
    /// The head and, in EMBSEM07 files, the second layer after it: each applied, then normalised.
    private let headLayers: [PoolingHead]
    private let attention: ContextWeighting?
    private let outputBasis: OutputBasis?
    private let lexical: LexicalPart?
    private let expansions: [String: OrthonormalExpansion]

    /// Where the bundled model file is, or nil when the install lacks it.
    public static var bundledModelURL: URL? {
        ResourceBundle.of(target: "EmbeddingModel", containing: "semantic-model.bin")?.url(forResource: "semantic-model", withExtension: "bin")
    }

    private static let cached = Result { () throws(SemanticModelError) -> SemanticEmbedder in
        guard let url = bundledModelURL else {
            throw SemanticModelError.resourceMissing(name: resourceName)
        }
        return try SemanticEmbedder(contentsOf: url)
    }

    /// The embedder over the bundled model, loaded once on first use (about 9 MB in memory).
    public static func shared() throws(SemanticModelError) -> SemanticEmbedder {
        try cached.get()
    }

    /// Loads a model file in the `semantic-model.bin` format.
    public init(contentsOf url: URL) throws(SemanticModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        let file = try SemanticModelFile(bytes: [UInt8](data), path: url.path)
        guard let tokenizer = WordPieceTokenizer(vocabulary: file.tokens) else {
            throw .corrupt(path: url.path, reason: "its vocabulary has no [UNK] token")
        }
        self.tokenizer = tokenizer
        self.semanticDimensions = file.dimensions
        self.compactDimensions = file.dimensions + (file.lexical?.buckets ?? 0)
        self.lexical = file.lexical
        self.scales = file.scales
        self.scaleBlock = file.scaleBlock
        self.vectors = file.vectors
        self.headLayers = file.headLayers
        self.attention = file.attention
        self.outputBasis = file.outputBasis
        self.constantRow = file.tokens.firstIndex(of: Array("[CLS]".utf8)).map { Int32($0) }
        var expansions: [String: OrthonormalExpansion] = [:]
        for (model, size) in Self.knownModels {
            expansions[model] = OrthonormalExpansion(model: model, inputDimensions: compactDimensions, blockCount: Self.blockCount(for: size, compact: compactDimensions))
        }
        self.expansions = expansions
    }

    /// A unit vector of `dimensions` components for `text` in the space of `model`.
    public func embed(_ text: String, model: String, dimensions: Int) -> [Float] {
        guard dimensions > 0 else { return [] }
        let compact = compactVector(text)
        let blocks = Self.blockCount(for: dimensions, compact: compactDimensions)
        let expansion: OrthonormalExpansion
        if let prepared = expansions[model], prepared.blockCount == blocks {
            expansion = prepared
        } else {
            expansion = OrthonormalExpansion(model: model, inputDimensions: compactDimensions, blockCount: blocks)
        }
        return Self.normalised(expansion.expand(compact, to: dimensions))
    }

    /// The unit vector of `text` in the compact model space, before any expansion.
    /// Its cosines are the ones every model's expanded vectors share. A text with no pieces
    /// at all (empty, or only spaces) is embedded as `[UNK]`; the `[CLS]` row (the fit's
    /// constant term) is added to every text, with weight 1 in both sums; the head, if any,
    /// acts on the normalised (second) sum, a second layer on the head's normalised output;
    /// the lexical part, if any, follows the semantic one.
    public func compactVector(_ text: String) -> [Float] {
        var ids: [Int32] = []
        ids.reserveCapacity(text.utf8.count / 3 + 2)
        tokenizer.appendIDs(for: text, to: &ids)
        if ids.isEmpty { ids.append(tokenizer.unknownID) }
        var compact = semanticVector(ids)
        guard let lexical else { return compact }
        compact.reserveCapacity(compactDimensions)
        compact.append(contentsOf: repeatElement(0, count: lexical.buckets))
        let partNorm = lexical.add(ids, to: &compact, at: semanticDimensions).squareRoot()
        guard partNorm > 0, partNorm.isFinite else { return compact }
        // The semantic part is a unit vector and the lexical part gets the length `share`.
        let scale = lexical.share / partNorm
        let whole = 1 / (1 + lexical.share * lexical.share).squareRoot()
        compact.withUnsafeMutableBufferPointer { values in
            for index in 0..<semanticDimensions { values[index] *= whole }
            for index in semanticDimensions..<values.count { values[index] *= scale * whole }
        }
        return compact
    }

    /// The unit semantic vector of the piece ids `ids` (at least one).
    private func semanticVector(_ ids: [Int32]) -> [Float] {
        var pooled = Self.normalised(weightedSum(of: ids, weights: nil))
        if let attention {
            let rows = rowLayout
            for round in 0..<attention.rounds {
                let query = attention.query(for: pooled, round: round)
                let weights = vectors.withUnsafeBytes { table in
                    scales.withUnsafeBufferPointer { scales in
                        query.withUnsafeBufferPointer { query in
                            ids.map { id in
                                ContextWeighting.weight(score: Self.dot(Int(id), rows, table: table, scales: scales, with: query))
                            }
                        }
                    }
                }
                pooled = Self.normalised(weightedSum(of: ids, weights: weights))
            }
        }
        let output = headLayers.reduce(pooled) { input, layer in Self.normalised(layer.apply(input)) }
        guard let outputBasis else { return output }
        return Self.normalised(outputBasis.apply(output))
    }

    /// `Σ weights[k] · row(ids[k])` (all weights 1 when nil), plus the `[CLS]` row with weight 1.
    @inline(__always)
    private func weightedSum(of ids: [Int32], weights: [Float]?) -> [Float] {
        var sum = [Float](repeating: 0, count: semanticDimensions)
        let rows = rowLayout
        vectors.withUnsafeBytes { table in
            scales.withUnsafeBufferPointer { scales in
                sum.withUnsafeMutableBufferPointer { total in
                    for (index, id) in ids.enumerated() {
                        Self.addRow(Int(id), rows, weight: weights?[index] ?? 1, table: table, scales: scales, to: total)
                    }
                    if let constantRow {
                        Self.addRow(Int(constantRow), rows, weight: 1, table: table, scales: scales, to: total)
                    }
                }
            }
        }
        return sum
    }

    /// How the token table is laid out: `width` components a row, each run of `block` of them
    /// sharing one scale.
    private struct RowLayout {
        let width: Int
        let block: Int
    }

    private var rowLayout: RowLayout { RowLayout(width: semanticDimensions, block: scaleBlock) }

    /// `Σ row[i] · vector[i]` with the row's components scaled (each block's sum of quantised
    /// components times the vector, times that block's scale), sixteen at a time.
    @inline(__always)
    private static func dot(_ row: Int, _ rows: RowLayout, table: UnsafeRawBufferPointer, scales: UnsafeBufferPointer<Float>, with vector: UnsafeBufferPointer<Float>) -> Float {
        guard let base = vector.baseAddress, vector.count >= rows.width else { return 0 }
        let values = UnsafeRawPointer(base)
        let rowStart = row * rows.width
        let firstScale = row * (rows.width / rows.block)
        var total: Float = 0
        var index = 0
        for block in 0..<(rows.width / rows.block) {
            let end = index + rows.block
            var partial = SIMD16<Float>()
            while index + 16 <= end {
                let bytes = table.loadUnaligned(fromByteOffset: rowStart + index, as: SIMD16<Int8>.self)
                partial += SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: bytes)) * values.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                index += 16
            }
            var blockTotal = partial.sum()
            while index < end {
                blockTotal += Float(table.load(fromByteOffset: rowStart + index, as: Int8.self)) * base[index]
                index += 1
            }
            total += scales[firstScale + block] * blockTotal
        }
        return total
    }

    /// `total += weight · row`, each block of the row's quantised components times its scale,
    /// sixteen at a time (the same sums, in the same order per component, as one at a time).
    @inline(__always)
    private static func addRow(_ row: Int, _ rows: RowLayout, weight: Float, table: UnsafeRawBufferPointer, scales: UnsafeBufferPointer<Float>, to total: UnsafeMutableBufferPointer<Float>) {
        guard let out = total.baseAddress.map(UnsafeMutableRawPointer.init) else { return }
        let rowStart = row * rows.width
        let firstScale = row * (rows.width / rows.block)
        var index = 0
        for block in 0..<(rows.width / rows.block) {
            let end = index + rows.block
            let scale = scales[firstScale + block] * weight
            let lanes = SIMD16<Float>(repeating: scale)
            while index + 16 <= end {
                let bytes = table.loadUnaligned(fromByteOffset: rowStart + index, as: SIMD16<Int8>.self)
                let values = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: bytes))
                let current = out.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                out.storeBytes(of: current + values * lanes, toByteOffset: index * 4, as: SIMD16<Float>.self)
                index += 16
            }
            while index < end {
                total[index] += Float(table.load(fromByteOffset: rowStart + index, as: Int8.self)) * scale
                index += 1
            }
        }
    }

    private static func blockCount(for dimensions: Int, compact: Int) -> Int {
        (dimensions + compact - 1) / compact
    }

    private static func normalised(_ vector: consuming [Float]) -> [Float] {
        let norm = sumOfSquares(vector).squareRoot()
        guard norm > 0, norm.isFinite else {
            var fallback = [Float](repeating: 0, count: vector.count)
            if !fallback.isEmpty { fallback[0] = 1 }
            return fallback
        }
        let inverse = 1 / norm
        vector.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] *= inverse }
        }
        return vector
    }

    /// The sum of squares with eight running partial sums, which the compiler keeps in one
    /// SIMD register (a single running sum would be a chain of dependent additions).
    private static func sumOfSquares(_ vector: [Float]) -> Float {
        vector.withUnsafeBufferPointer { values in
            var partial = SIMD8<Float>()
            var index = 0
            if let base = values.baseAddress.map(UnsafeRawPointer.init) {
                while index + 8 <= values.count {
                    let lane = base.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
                    partial += lane * lane
                    index += 8
                }
            }
            var total = partial.sum()
            while index < values.count {
                total += values[index] * values[index]
                index += 1
            }
            return total
        }
    }
}
