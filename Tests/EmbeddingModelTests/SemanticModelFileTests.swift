import DifferentialSupport
import Foundation
import Testing
@testable import EmbeddingModel

@Suite("Model file: a missing or damaged resource is a clear error, never a crash")
struct SemanticModelFileTests {
    func bundledBytes() throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "semantic-model", withExtension: "bin"))
        return try [UInt8](Data(contentsOf: url))
    }

    func load(_ bytes: [UInt8]) throws(SemanticModelError) -> SemanticEmbedder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("semantic-model-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try Data(bytes).write(to: url) } catch { Issue.record(error) }
        return try SemanticEmbedder(contentsOf: url)
    }

    /// Expects `bytes` to be reported as damaged, for a reason that mentions `expected`.
    func expectDamaged(_ bytes: [UInt8], reasonContaining expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains(expected)
        }
    }

    @Test("a file that does not exist is reported as unreadable, naming the path")
    func missingFile() {
        #expect {
            _ = try SemanticEmbedder(contentsOf: URL(fileURLWithPath: "/nonexistent/semantic-model.bin"))
        } throws: { error in
            guard case .unreadable(let path, _) = error as? SemanticModelError else { return false }
            return path == "/nonexistent/semantic-model.bin"
        }
    }

    @Test("a truncated file is reported as damaged")
    func truncated() throws {
        let bytes = try bundledBytes()
        #expect(throws: SemanticModelError.self) { _ = try load(Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: SemanticModelError.self) { _ = try load(Array(bytes.prefix(10))) }
        #expect(throws: SemanticModelError.self) { _ = try load([]) }
    }

    @Test("a flipped byte fails the checksum")
    func bitRot() throws {
        var bytes = try bundledBytes()
        bytes[bytes.count - 7] ^= 0x40
        expectDamaged(bytes, reasonContaining: "checksum")
    }

    @Test("an intact copy loads and embeds like the bundled model")
    func intactCopy() throws {
        let copy = try load(try bundledBytes())
        let bundled = try SemanticEmbedder.shared()
        #expect(copy.embed("tent", model: "text-embedding-3-small", dimensions: 1536)
            == bundled.embed("tent", model: "text-embedding-3-small", dimensions: 1536))
    }

    @Test("a weight that is not a number is reported as damaged, even with a valid checksum")
    func nonFiniteWeight() throws {
        var bytes = try bundledBytes()
        let headerSize = try #require(SemanticModelFile.headerSizes[Array(bytes.prefix(8))])
        try #require(headerSize > 28, "the bundled model has float weights after its table")
        // The last float of the file, before the u16 buckets of a placed lexical part.
        let magic = Array(bytes.prefix(8))
        let isCompact = [SemanticModelFile.compactMagic, SemanticModelFile.twoLayerMagic].contains(magic)
        let placesPieces = magic == SemanticModelFile.withPlacedLexicalMagic || isCompact
        let placementBytes = placesPieces ? 2 * Int(SemanticModelFile.readUInt32(bytes, at: 8)) : 0
        let nan = isCompact ? TinyModelFile.little(TinyModelFile.halfBits(.nan)) : TinyModelFile.little(Float.nan)
        let lastFloat = bytes.count - placementBytes - nan.count
        bytes.replaceSubrange(lastFloat..<(lastFloat + nan.count), with: nan)
        let checksum = SemanticModelFile.fnv1a(bytes[headerSize...])
        for index in 0..<8 { bytes[headerSize - 8 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
        expectDamaged(bytes, reasonContaining: "not finite")
    }

    @Test("all seven format versions load; zero query maps weight every piece alike, as a table without them")
    func formatVersions() throws {
        let tableOnly = try load(TinyModelFile(headWidth: 0, attentionRounds: 0).bytes)
        let withHead = try load(TinyModelFile(headWidth: 4, attentionRounds: 0).bytes)
        let withAttention = try load(TinyModelFile(headWidth: 4, attentionRounds: 2).bytes)
        let flatAttention = try load(TinyModelFile(headWidth: 0, attentionRounds: 1, zeroQueryMaps: true).bytes)
        let withLexical = try load(TinyModelFile(headWidth: 4, attentionRounds: 0, lexicalBuckets: 8).bytes)
        let withPlacedLexical = try load(TinyModelFile(headWidth: 4, attentionRounds: 0, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6]).bytes)
        let compact = try load(TinyModelFile(headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6], componentRange: -8...7, compact: true).bytes)
        let twoLayers = try load(TinyModelFile(headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6], componentRange: -8...7, compact: true, secondLayerWidth: 3).bytes)
        for text in ["alpha beta", "beta beta gamma", "gamma", ""] {
            for embedder in [tableOnly, withHead, withAttention, flatAttention, withLexical, withPlacedLexical, compact, twoLayers] {
                #expect(abs(norm(embedder.compactVector(text)) - 1) < 1e-5)
            }
            let plain = tableOnly.compactVector(text)
            let flat = flatAttention.compactVector(text)
            #expect(zip(plain, flat).allSatisfy { abs($0 - $1) < 1e-6 }, "\(text): \(plain) vs \(flat)")
        }
        #expect(withAttention.compactVector("beta beta gamma") != withHead.compactVector("beta beta gamma"))
    }

    @Test(
        "with a lexical part, hashed or placed, a text's vector is its semantic vector beside its pieces, and the cosine mixes both by the share",
        arguments: [nil, [7, 6, 5, 4, 3, 2, 1] as [UInt16]])
    func lexicalPart(placement: [UInt16]?) throws {
        let semanticOnly = try load(TinyModelFile(headWidth: 4, attentionRounds: 1).bytes)
        let share: Float = 0.6
        let withLexical = try load(TinyModelFile(headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalShare: share, lexicalPlacement: placement).bytes)
        #expect(withLexical.compactDimensions == TinyModelFile.dimensions + 8)
        let texts = ["alpha beta", "beta beta gamma", "gamma", "alpha", ""]
        for text in texts {
            let vector = withLexical.compactVector(text)
            #expect(abs(norm(vector) - 1) < 1e-5)
            let semantic = semanticOnly.compactVector(text)
            let leading = Array(vector.prefix(TinyModelFile.dimensions))
            #expect(abs(cosine(leading, semantic) - 1) < 1e-5, "\(text): the semantic part is the same direction")
        }
        // "alpha beta" and "beta beta gamma" share only "beta"; "gamma" and "alpha" share nothing.
        let vectors = texts.map(withLexical.compactVector)
        let semantics = texts.map(semanticOnly.compactVector)
        let lexical = vectors.map { Array($0.dropFirst(TinyModelFile.dimensions)) }
        for i in texts.indices {
            for j in texts.indices where j > i {
                let mixed = (cosine(semantics[i], semantics[j]) + share * share * cosine(lexical[i], lexical[j])) / (1 + share * share)
                let lexicalKnown = norm(lexical[i]) > 0 && norm(lexical[j]) > 0
                if lexicalKnown {
                    #expect(abs(cosine(vectors[i], vectors[j]) - mixed) < 1e-5, "\(texts[i]) / \(texts[j])")
                }
            }
        }
        // One piece fills one bucket, whatever its weight, and a repeated piece counts once.
        let alone = Array(withLexical.compactVector("alpha").dropFirst(TinyModelFile.dimensions))
        let repeated = Array(withLexical.compactVector("alpha alpha alpha").dropFirst(TinyModelFile.dimensions))
        #expect(alone.filter { $0 != 0 }.count == 1)
        #expect(abs(norm(alone) - share / (1 + share * share).squareRoot()) < 1e-5)
        #expect(alone == repeated)
    }

    @Test("a placed lexical part puts each piece in its stored bucket with its stored sign, so two pieces in one bucket can cancel")
    func placedPieces() throws {
        let file = TinyModelFile(
            headWidth: 0, attentionRounds: 0, lexicalBuckets: 8,
            lexicalWeights: [0, 0.5, 0, 0, 1, -2, 3], lexicalPlacement: [0, 0, 0, 0, 3, 3, 5])
        let embedder = try load(file.bytes)
        func lexical(_ text: String) -> [Float] { Array(embedder.compactVector(text).dropFirst(TinyModelFile.dimensions)) }
        let alpha = lexical("alpha"), beta = lexical("beta"), gamma = lexical("gamma")
        #expect(alpha[3] > 0 && alpha.enumerated().allSatisfy { $0.offset == 3 || $0.element == 0 })
        #expect(beta[3] < 0 && beta.enumerated().allSatisfy { $0.offset == 3 || $0.element == 0 })
        #expect(gamma[5] > 0 && gamma.enumerated().allSatisfy { $0.offset == 5 || $0.element == 0 })
        // alpha (+1) and beta (-2) share bucket 3: together they leave -1 there, one unit direction.
        let both = lexical("alpha beta")
        #expect(both[3] < 0 && abs(norm(both) - norm(beta)) < 1e-6)
        // gamma's bucket is its own: beside alpha it keeps 3 against alpha's 1.
        let apart = lexical("alpha gamma")
        #expect(abs(apart[5] / apart[3] - 3) < 1e-5)
    }

    @Test("a compact file (4-bit rows, 8-bit wide rows, 16-bit floats) embeds as the full-width file of the same values")
    func compactFile() throws {
        func file(compact: Bool) -> TinyModelFile {
            TinyModelFile(
                headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalWeights: [0, 0.5, 0, 0, 1, -2, 3],
                lexicalPlacement: [0, 1, 2, 3, 4, 4, 6], componentRange: -8...7, compact: compact, wideRows: [2, 5])
        }
        let compactBytes = file(compact: true).bytes, fullBytes = file(compact: false).bytes
        #expect(compactBytes.count < fullBytes.count * 3 / 4)
        let compact = try load(compactBytes), full = try load(fullBytes)
        for text in ["alpha beta", "beta beta gamma", "gamma", "alpha", "unknown words", ""] {
            // The same values; only the order of the additions differs (a sum per block of 32).
            let difference = zip(compact.compactVector(text), full.compactVector(text)).map { abs($0 - $1) }.max() ?? 0
            #expect(difference < 1e-6, "\(text): \(difference)")
        }
        #expect(compact.compactVector("alpha") != compact.compactVector("beta"))
    }

    @Test("in a compact file each block of 32 components has its own scale")
    func blockScales() throws {
        func file(_ factors: [Float]) -> TinyModelFile {
            TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6], componentRange: -8...7, compact: true, blockScaleFactors: factors)
        }
        let even = try load(file([1, 1]).bytes), uneven = try load(file([1, 2]).bytes)
        for text in ["alpha", "beta gamma"] {
            // Without context weighting or a head, the second block of every row (the [CLS] row
            // too) doubles, so the sum's does, and normalising scales both blocks alike.
            let before = even.compactVector(text).prefix(TinyModelFile.dimensions)
            let after = uneven.compactVector(text).prefix(TinyModelFile.dimensions)
            let ratios = zip(after, before).map { $0 / $1 }
            let first = ratios[0]
            #expect(ratios.prefix(32).allSatisfy { abs($0 - first) < 1e-4 }, "\(text): \(ratios)")
            #expect(ratios.dropFirst(32).allSatisfy { abs($0 - 2 * first) < 1e-4 }, "\(text): \(ratios)")
        }
    }

    @Test("a compact file's output basis turns the semantic part and leaves every cosine as it was")
    func outputBasis() throws {
        // A signed permutation: exact at 16 bits, and orthogonal. Component i goes to 63 - i,
        // every third one negated.
        let size = TinyModelFile.dimensions
        var basis = [Float](repeating: 0, count: size * size)
        for row in 0..<size { basis[row * size + (size - 1 - row)] = row % 3 == 0 ? -1 : 1 }
        func file(_ basis: [Float]?) -> TinyModelFile {
            TinyModelFile(
                headWidth: 4, attentionRounds: 1, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6],
                componentRange: -8...7, compact: true, outputBasis: basis)
        }
        let plain = try load(file(nil).bytes), turned = try load(file(basis).bytes)
        let texts = ["alpha beta", "beta beta gamma", "gamma", "unknown words"]
        for text in texts {
            let before = plain.compactVector(text), after = turned.compactVector(text)
            for row in 0..<size {
                #expect(abs(after[size - 1 - row] - (row % 3 == 0 ? -1 : 1) * before[row]) < 1e-6, "\(text), component \(row)")
            }
            #expect(Array(after.dropFirst(size)) == Array(before.dropFirst(size)), "\(text): the lexical part is not turned")
        }
        for first in texts {
            for second in texts {
                let cosineBefore = cosine(plain.compactVector(first), plain.compactVector(second))
                #expect(abs(cosine(turned.compactVector(first), turned.compactVector(second)) - cosineBefore) < 1e-5)
            }
        }
    }

    @Test("a second head layer (EMBSEM07) maps the head's unit output o to unit(o + relu(o W3 + b3) W4)")
    func secondHeadLayer() throws {
        func file(secondLayerWidth: Int) -> TinyModelFile {
            TinyModelFile(headWidth: 4, attentionRounds: 1, componentRange: -8...7, compact: true, secondLayerWidth: secondLayerWidth)
        }
        let width = 3
        let oneLayer = try load(file(secondLayerWidth: 0).bytes), twoLayers = try load(file(secondLayerWidth: width).bytes)
        let (inputWeights, bias, outputWeights) = TinyModelFile.secondLayerWeights(width: width)
        let size = TinyModelFile.dimensions
        var changed = 0
        for text in ["alpha beta", "beta beta gamma", "gamma", "alpha", "unknown words", ""] {
            let head = oneLayer.compactVector(text)
            let hidden = (0..<width).map { unit in max(0, bias[unit] + (0..<size).reduce(Float(0)) { $0 + head[$1] * inputWeights[$1 * width + unit] }) }
            let sum = (0..<size).map { component in head[component] + (0..<width).reduce(Float(0)) { $0 + hidden[$1] * outputWeights[$1 * size + component] } }
            let expected = sum.map { $0 / norm(sum) }
            let vector = twoLayers.compactVector(text)
            let largest = zip(vector, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 1e-5, "\(text): differs by \(largest)")
            if hidden.contains(where: { $0 > 0 }) { changed += 1 }
        }
        #expect(changed > 0, "some text must reach an active unit of the second layer, or this test shows nothing")
    }

    @Test("a two-layer file without a head or with a second layer of width 0 is reported as damaged")
    func damagedSecondLayer() throws {
        var noSecond = TinyModelFile(headWidth: 4, attentionRounds: 0, componentRange: -8...7, compact: true, secondLayerWidth: 3).bytes
        noSecond.replaceSubrange(44..<48, with: TinyModelFile.little(UInt32(0)))
        expectDamaged(noSecond, reasonContaining: "second layer of width 0")
        let noHead = TinyModelFile(headWidth: 0, attentionRounds: 0, componentRange: -8...7, compact: true, secondLayerWidth: 3).bytes
        expectDamaged(noHead, reasonContaining: "after a head of width 0")
    }

    @Test("a compact file without a lexical part loads: every part may be absent")
    func compactWithoutLexicalPart() throws {
        let embedder = try load(TinyModelFile(headWidth: 4, attentionRounds: 1, lexicalBuckets: 0, componentRange: -8...7, compact: true).bytes)
        #expect(embedder.compactDimensions == TinyModelFile.dimensions)
        #expect(abs(norm(embedder.compactVector("alpha beta")) - 1) < 1e-5)
    }

    @Test("a compact file whose width is not a multiple of 32, a scale that is not a number, wide rows out of order or too many, or a short table is reported as damaged")
    func damagedCompactFile() throws {
        let file = TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6], componentRange: -8...7, compact: true)
        var narrow = file.bytes
        narrow.replaceSubrange(12..<16, with: TinyModelFile.little(UInt32(TinyModelFile.dimensions - 2)))
        expectDamaged(narrow, reasonContaining: "not a multiple of the 32")
        func resealed(_ bytes: [UInt8]) -> [UInt8] {
            var bytes = bytes
            let checksum = SemanticModelFile.fnv1a(bytes[52...])
            bytes.replaceSubrange(44..<52, with: (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (8 * UInt64($0))) })
            return bytes
        }
        var badScale = file.bytes
        let firstScale = 52 + TinyModelFile.vocabulary.joined(separator: "\n").utf8.count
        badScale.replaceSubrange(firstScale..<(firstScale + 2), with: TinyModelFile.little(TinyModelFile.halfBits(.nan)))
        expectDamaged(resealed(badScale), reasonContaining: "scales")
        var withWideRows = file
        withWideRows.wideRows = [3, 5]
        var unordered = withWideRows.bytes
        let firstWideRow = firstScale + 2 * TinyModelFile.vocabulary.count * TinyModelFile.dimensions / 32
        unordered.replaceSubrange(firstWideRow..<(firstWideRow + 8), with: TinyModelFile.little(UInt32(5)) + TinyModelFile.little(UInt32(3)))
        expectDamaged(resealed(unordered), reasonContaining: "not ascending")
        var tooMany = file.bytes
        tooMany.replaceSubrange(40..<44, with: TinyModelFile.little(UInt32(TinyModelFile.vocabulary.count + 1)))
        expectDamaged(tooMany, reasonContaining: "wide rows in a table of")
        var wrongBasis = file.bytes
        wrongBasis.replaceSubrange(36..<40, with: TinyModelFile.little(UInt32(TinyModelFile.dimensions / 2)))
        expectDamaged(wrongBasis, reasonContaining: "output basis of 32 components")
        var short = file.bytes
        short.removeLast(1)
        expectDamaged(short, reasonContaining: "the header implies")
    }

    @Test("a piece with weight zero adds nothing to the lexical part; a text of such pieces has none")
    func zeroWeightPieces() throws {
        let embedder = try load(TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalWeights: [0, 0, 0, 0, 0, 1, 1]).bytes)
        let vector = embedder.compactVector("alpha")
        #expect(vector.dropFirst(TinyModelFile.dimensions).allSatisfy { $0 == 0 })
        #expect(abs(norm(vector) - 1) < 1e-5)
    }

    @Test("a lexical part of no buckets, a share that is not a positive number, or a negative weight is reported as damaged")
    func damagedLexicalPart() throws {
        for file in [
            TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalShare: .nan),
            TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalShare: -1),
            TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalWeights: [0, 0, 0, 0, -1, 1, 1]),
        ] {
            #expect(throws: SemanticModelError.self) { _ = try load(file.bytes) }
        }
        var noBuckets = TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8).bytes
        for index in 28..<32 { noBuckets[index] = 0 }
        expectDamaged(noBuckets, reasonContaining: "0 buckets")
    }

    @Test("a placed lexical part with a bucket beyond its size or a weight that is not a number is reported as damaged")
    func damagedPlacement() throws {
        let outside = TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 8, 5, 6])
        expectDamaged(outside.bytes, reasonContaining: "places token 4 in bucket 8")
        let notANumber = TinyModelFile(
            headWidth: 0, attentionRounds: 0, lexicalBuckets: 8,
            lexicalWeights: [0, 0, 0, 0, .nan, 1, 1], lexicalPlacement: [0, 1, 2, 3, 4, 5, 6])
        expectDamaged(notANumber.bytes, reasonContaining: "not finite")
        var truncated = TinyModelFile(headWidth: 0, attentionRounds: 0, lexicalBuckets: 8, lexicalPlacement: [0, 1, 2, 3, 4, 5, 6]).bytes
        truncated.removeLast(2)
        expectDamaged(truncated, reasonContaining: "the header implies")
    }

    @Test("a header that declares attention but no heads is reported as damaged")
    func attentionWithoutHeads() throws {
        var bytes = TinyModelFile(headWidth: 0, attentionRounds: 1).bytes
        for index in 24..<28 { bytes[index] = 0 }
        expectDamaged(bytes, reasonContaining: "0 attention rounds")
    }

    @Test("an unknown format version is reported as damaged, naming the expected headers")
    func unknownVersion() throws {
        var bytes = try bundledBytes()
        bytes[7] = UInt8(ascii: "9")
        expectDamaged(bytes, reasonContaining: "EMBSEM02")
    }

    @Test("the error text tells a person what to do")
    func errorText() {
        let text = SemanticModelError.corrupt(path: "/x/semantic-model.bin", reason: "its checksum does not match").description
        #expect(text.contains("/x/semantic-model.bin"))
        #expect(text.contains("build_model.py"))
    }
}

/// A small model file in any of the seven versions, built byte by byte as
/// Tools/semantic-model/build_model.py writes them, with deterministic weights. Every float is a
/// multiple of 1/256 below 1 in size, so the 16-bit floats of EMBSEM06 hold it exactly.
struct TinyModelFile {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "alpha", "beta", "gamma"]
    /// Two of EMBSEM06's blocks of components that share a scale.
    static let dimensions = 64
    var headWidth: Int
    var attentionRounds: Int
    var zeroQueryMaps = false
    /// With buckets, an EMBSEM04 file: the lexical part's size, share and per-token weights.
    var lexicalBuckets = 0
    var lexicalShare: Float = 0.6
    var lexicalWeights: [Float] = [0, 0.5, 0, 0, 1, 2, 3]
    /// With buckets and a placement, an EMBSEM05 file: each token's bucket (the weights' signs count).
    var lexicalPlacement: [UInt16]? = nil
    /// The values the table's components are drawn from; -8...7 fits EMBSEM06's four bits.
    var componentRange: ClosedRange<Int> = -127...127
    /// With a placement, an EMBSEM06 file: the table packed two components a byte, floats in 16 bits.
    var compact = false
    /// In an EMBSEM06 file, each block's scale is its row's scale times the block's factor.
    var blockScaleFactors: [Float] = [1, 1]
    /// In an EMBSEM06 file, the map back onto the principal axes (dimensions × dimensions), if any.
    var outputBasis: [Float]? = nil
    /// Rows whose components are drawn from -127...127 whatever `componentRange` says; an
    /// EMBSEM06 file stores them 8-bit (its wide rows).
    var wideRows: [Int] = []
    /// With a width (and `compact`), an EMBSEM07 file: a second residual layer after the head,
    /// weighted by `secondLayerWeights(width:)`; everything else as in the EMBSEM06 file.
    var secondLayerWidth = 0

    /// (W3: dimensions × width, b3: width, W4: width × dimensions), row-major: the second
    /// layer's weights, from a stream of their own so the rest of the file does not change.
    static func secondLayerWeights(width: Int) -> ([Float], [Float], [Float]) {
        var random = SplitMix64(seed: 11)
        func values(_ count: Int) -> [Float] { (0..<count).map { _ in (Float(random.nextUnit() - 0.5) * 256).rounded() / 256 } }
        return (values(dimensions * width), values(width), values(width * dimensions))
    }

    var bytes: [UInt8] {
        var random = SplitMix64(seed: 7)
        func values(_ count: Int) -> [Float] { (0..<count).map { _ in (Float(random.nextUnit() - 0.5) * 256).rounded() / 256 } }
        func encode(_ value: Float) -> [UInt8] { compact ? Self.little(Self.halfBits(value)) : Self.little(value) }
        var body = Array(Self.vocabulary.joined(separator: "\n").utf8)
        let vocabularyBytes = body.count
        for scale in values(Self.vocabulary.count) {
            for factor in compact ? blockScaleFactors : [1] { body += encode((abs(scale) + 1.0 / 64) * factor) }
        }
        let rows = Self.vocabulary.indices.map { row in
            let range = wideRows.contains(row) ? -127...127 : componentRange
            return (0..<Self.dimensions).map { _ in Int8(Int(random.next() % UInt64(range.count)) + range.lowerBound) }
        }
        if compact {
            for row in wideRows { body += Self.little(UInt32(row)) }
            for (row, components) in rows.enumerated() where !wideRows.contains(row) {
                body += stride(from: 0, to: components.count, by: 2).map { UInt8(bitPattern: components[$0]) & 0x0F | UInt8(bitPattern: components[$0 + 1]) << 4 }
            }
            for row in wideRows { body += rows[row].map { UInt8(bitPattern: $0) } }
        } else {
            body += rows.joined().map { UInt8(bitPattern: $0) }
        }
        if headWidth > 0 {
            for value in values(2 * Self.dimensions * headWidth + headWidth) { body += encode(value) }
        }
        if secondLayerWidth > 0 {
            let (inputWeights, bias, outputWeights) = Self.secondLayerWeights(width: secondLayerWidth)
            for value in inputWeights + bias + outputWeights { body += encode(value) }
        }
        for value in values(attentionRounds * Self.dimensions * Self.dimensions) { body += encode(zeroQueryMaps ? 0 : value) }
        for value in outputBasis ?? [] { body += encode(value) }
        if lexicalBuckets > 0 {
            for weight in lexicalWeights { body += encode(weight) }
            for bucket in lexicalPlacement ?? [] { body += Self.little(bucket) }
        }
        let lexicalMagic = lexicalPlacement == nil ? "EMBSEM04" : "EMBSEM05"
        let magic = secondLayerWidth > 0 ? "EMBSEM07" : compact ? "EMBSEM06" : lexicalBuckets > 0 ? lexicalMagic : attentionRounds > 0 ? "EMBSEM03" : headWidth > 0 ? "EMBSEM02" : "EMBSEM01"
        let fullHeader = compact || lexicalBuckets > 0
        var header = Array(magic.utf8)
        for field in [Self.vocabulary.count, Self.dimensions, vocabularyBytes] { header += Self.little(UInt32(field)) }
        if headWidth > 0 || attentionRounds > 0 || fullHeader { header += Self.little(UInt32(headWidth)) }
        if attentionRounds > 0 || fullHeader { header += Self.little(UInt32(attentionRounds)) }
        if fullHeader { header += Self.little(UInt32(lexicalBuckets)) + Self.little(lexicalBuckets > 0 ? lexicalShare : 0) }
        if compact { header += Self.little(UInt32(outputBasis == nil ? 0 : Self.dimensions)) + Self.little(UInt32(wideRows.count)) }
        if secondLayerWidth > 0 { header += Self.little(UInt32(secondLayerWidth)) }
        let checksum = SemanticModelFile.fnv1a(body[...])
        header += (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (8 * UInt64($0))) }
        return header + body
    }

    static func little(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }
    static func little(_ value: Float) -> [UInt8] { little(value.bitPattern) }
    static func little(_ value: UInt16) -> [UInt8] { [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)] }

    /// The binary16 bit pattern of `value`, which must be zero, NaN or a normal binary16 number
    /// held exactly (the tiny file's values are).
    static func halfBits(_ value: Float) -> UInt16 {
        if value.isNaN { return 0x7E00 }
        if value == 0 { return value.sign == .minus ? 0x8000 : 0 }
        let bits = value.bitPattern
        let exponent = Int(bits >> 23 & 0xFF) - 127
        precondition((-14...15).contains(exponent) && bits & 0x1FFF == 0, "\(value) is not a normal binary16 number")
        return UInt16(bits >> 31) << 15 | UInt16(exponent + 15) << 10 | UInt16(bits >> 13 & 0x3FF)
    }
}
