import Foundation

/// The parsed contents of `semantic-model.bin`: vocabulary, 8-bit token vectors and, from the
/// second version on, the pooling head; from the third, the context weighting; from the
/// fourth, the lexical part; in the fifth, with each token's bucket stored; the sixth is the
/// fifth at under two thirds of the size (4-bit token vectors but for the most frequent
/// pieces', 16-bit floats, the table turned and the map back stored); the seventh is the
/// sixth with a second residual layer after the head.
///
/// Layout (little-endian), written by Tools/semantic-model/build_model.py:
/// ```
/// EMBSEM01: magic | u32 tokenCount | u32 dimensions | u32 vocabularyBytes | u64 FNV-1a checksum
/// EMBSEM02: magic | u32 tokenCount | u32 dimensions | u32 vocabularyBytes | u32 headWidth | u64 checksum
/// EMBSEM03: magic | u32 tokenCount | u32 dimensions | u32 vocabularyBytes | u32 headWidth | u32 attentionRounds | u64 checksum
/// EMBSEM04: the EMBSEM03 fields (attentionRounds may be 0) | u32 lexicalBuckets | f32 lexicalShare | u64 checksum
/// EMBSEM05: the EMBSEM04 fields
/// EMBSEM06: the EMBSEM04 fields | u32 basisSize | u32 wideRowCount | u64 checksum
/// EMBSEM07: the EMBSEM06 fields | u32 secondLayerWidth | u64 checksum
/// vocabulary: tokens joined by "\n" (UTF-8), vocabularyBytes long
/// scales:     tokenCount × f32, one per token vector
/// vectors:    tokenCount × dimensions × i8, row-major
/// head (headWidth > 0): W1 dimensions × headWidth f32, b1 headWidth f32, W2 headWidth × dimensions f32
/// second layer (EMBSEM07): W3 dimensions × secondLayerWidth, b3 secondLayerWidth, W4 secondLayerWidth × dimensions
/// attention (attentionRounds > 0): attentionRounds × dimensions × dimensions f32, each round's query map
/// lexical weights (EMBSEM04): tokenCount × f32, none negative (signs and buckets from a hash)
/// lexical weights (EMBSEM05): tokenCount × f32 with their signs, then tokenCount × u16 buckets
/// EMBSEM06: as EMBSEM05, but every f32 after the vocabulary is an f16 (IEEE binary16); each
///           row's components come in blocks of 32 (`compactScaleBlock`), each block with its
///           own scale, so the scales are tokenCount × dimensions / 32, row by row; the vectors
///           are wideRowCount × u32 row numbers (ascending: the wide rows), then the other rows
///           at dimensions / 2 bytes each, two 4-bit two's-complement components per byte, the
///           even-numbered one in the low nibble, then the wide rows at dimensions × i8 each;
///           headWidth, attentionRounds and lexicalBuckets may each be 0 (no such part), and
///           the lexical part is placed; basisSize is 0 or dimensions, and with dimensions the
///           output basis, dimensions × dimensions f16, follows the attention
/// EMBSEM07: as EMBSEM06, with a head (headWidth > 0) and the second layer's f16 weights right
///           after the head's
/// ```
/// A vector component is `Float(i8) * scale` (in EMBSEM06 a narrow row's i8 is its nibble's
/// value, -8...7, and every scale is its block's). The checksum covers everything after the header.
struct SemanticModelFile: Sendable {
    static let tableOnlyMagic = Array("EMBSEM01".utf8)
    static let withHeadMagic = Array("EMBSEM02".utf8)
    static let withAttentionMagic = Array("EMBSEM03".utf8)
    static let withLexicalMagic = Array("EMBSEM04".utf8)
    static let withPlacedLexicalMagic = Array("EMBSEM05".utf8)
    static let compactMagic = Array("EMBSEM06".utf8)
    static let twoLayerMagic = Array("EMBSEM07".utf8)
    /// EMBSEM06's block of components per scale.
    static let compactScaleBlock = 32
    /// Header sizes by format version: magic, the 32-bit fields, the u64 checksum.
    static let headerSizes = [
        tableOnlyMagic: 28, withHeadMagic: 32, withAttentionMagic: 36, withLexicalMagic: 44, withPlacedLexicalMagic: 44,
        compactMagic: 52, twoLayerMagic: 56,
    ]

    let tokens: [[UInt8]]
    let dimensions: Int
    /// One scale per `scaleBlock` components of each row, row by row.
    let scales: [Float]
    /// How many neighbouring components of a row share a scale: the whole row in the 8-bit
    /// formats, `compactScaleBlock` in EMBSEM06.
    let scaleBlock: Int
    /// The token vectors' components, row-major, one `Int8` each whatever the file's width.
    let vectors: [Int8]
    /// The residual layers after pooling, applied in order, each output normalised: none in
    /// EMBSEM01 files, the head in the others, the head and a second layer in EMBSEM07.
    let headLayers: [PoolingHead]
    /// The context-weighted pooling, present in EMBSEM03 files and optional from EMBSEM04 on.
    let attention: ContextWeighting?
    /// The map back onto the principal axes of a compact model's turned table (EMBSEM06).
    let outputBasis: OutputBasis?
    /// The exact-word part beside the output, present in EMBSEM04 and EMBSEM05 files and optional in EMBSEM06.
    let lexical: LexicalPart?

    /// Parses and checks `bytes`; `path` only names the file in errors.
    init(bytes: [UInt8], path: String) throws(SemanticModelError) {
        func corrupt(_ reason: String) -> SemanticModelError { .corrupt(path: path, reason: reason) }
        guard bytes.count >= 28 else {
            throw corrupt("it is \(bytes.count) bytes long, too short for the header")
        }
        let magic = Array(bytes[0..<8])
        guard let headerSize = Self.headerSizes[magic] else {
            throw corrupt("it does not start with an EMBSEM01, EMBSEM02, EMBSEM03, EMBSEM04, EMBSEM05, EMBSEM06 or EMBSEM07 header")
        }
        guard bytes.count >= headerSize else {
            throw corrupt("it is \(bytes.count) bytes long, too short for the header")
        }
        let tokenCount = Int(Self.readUInt32(bytes, at: 8))
        let dimensions = Int(Self.readUInt32(bytes, at: 12))
        let vocabularyBytes = Int(Self.readUInt32(bytes, at: 16))
        let headWidth = headerSize >= 32 ? Int(Self.readUInt32(bytes, at: 20)) : 0
        let attentionRounds = headerSize >= 36 ? Int(Self.readUInt32(bytes, at: 24)) : 0
        let lexicalBuckets = headerSize >= 44 ? Int(Self.readUInt32(bytes, at: 28)) : 0
        let lexicalShare = headerSize >= 44 ? Float(bitPattern: Self.readUInt32(bytes, at: 32)) : 0
        let basisSize = headerSize >= 52 ? Int(Self.readUInt32(bytes, at: 36)) : 0
        let wideRowCount = headerSize >= 52 ? Int(Self.readUInt32(bytes, at: 40)) : 0
        let secondLayerWidth = headerSize >= 56 ? Int(Self.readUInt32(bytes, at: 44)) : 0
        let checksum = Self.readUInt64(bytes, at: headerSize - 8)
        guard tokenCount > 0, dimensions > 0, dimensions <= 4096, headWidth <= 4096, attentionRounds <= 64,
              magic != Self.withHeadMagic || headWidth > 0, magic != Self.withAttentionMagic || attentionRounds > 0 else {
            throw corrupt("the header declares \(tokenCount) tokens of \(dimensions) dimensions, a head of width \(headWidth) and \(attentionRounds) attention rounds")
        }
        guard magic != Self.twoLayerMagic || ((1...4096).contains(secondLayerWidth) && headWidth > 0) else {
            throw corrupt("the header declares a second layer of width \(secondLayerWidth) after a head of width \(headWidth)")
        }
        let isCompact = magic == Self.compactMagic || magic == Self.twoLayerMagic
        let lexicalAbsent = isCompact && lexicalBuckets == 0
        let placesPieces = magic == Self.withPlacedLexicalMagic || (isCompact && lexicalBuckets > 0)
        let scaleBlock = isCompact ? Self.compactScaleBlock : dimensions
        guard dimensions % scaleBlock == 0 else {
            throw corrupt("its 4-bit vectors have \(dimensions) components each, not a multiple of the \(scaleBlock) that share a scale")
        }
        let scaleCount = tokenCount * (dimensions / scaleBlock)
        guard wideRowCount <= tokenCount else {
            throw corrupt("the header declares \(wideRowCount) wide rows in a table of \(tokenCount)")
        }
        guard basisSize == 0 || basisSize == dimensions else {
            throw corrupt("the header declares an output basis of \(basisSize) components for vectors of \(dimensions)")
        }
        let floatSize = isCompact ? 2 : 4
        func floats(at offset: Int, count: Int) -> [Float] {
            Self.readFloats(bytes, at: offset, count: count, size: floatSize)
        }
        guard headerSize < 44 || lexicalAbsent || ((1...65536).contains(lexicalBuckets) && lexicalShare.isFinite && lexicalShare > 0) else {
            throw corrupt("the header declares a lexical part of \(lexicalBuckets) buckets with share \(lexicalShare)")
        }
        let scalesStart = headerSize + vocabularyBytes
        let vectorsStart = scalesStart + floatSize * scaleCount
        let packedStart = vectorsStart + 4 * wideRowCount
        let wideStart = packedStart + (isCompact ? (tokenCount - wideRowCount) * dimensions / 2 : tokenCount * dimensions)
        let headStart = wideStart + wideRowCount * dimensions
        let secondLayerStart = headStart + floatSize * (2 * dimensions * headWidth + headWidth)
        let attentionStart = secondLayerStart + floatSize * (2 * dimensions * secondLayerWidth + secondLayerWidth)
        let basisStart = attentionStart + floatSize * attentionRounds * dimensions * dimensions
        let lexicalStart = basisStart + floatSize * basisSize * basisSize
        let placementStart = lexicalStart + (lexicalBuckets > 0 ? floatSize * tokenCount : 0)
        let expectedSize = placementStart + (placesPieces ? 2 * tokenCount : 0)
        guard bytes.count == expectedSize else {
            throw corrupt("it has \(bytes.count) bytes where the header implies \(expectedSize)")
        }
        guard Self.fnv1a(bytes[headerSize...]) == checksum else {
            throw corrupt("its checksum does not match")
        }
        let vocabulary = bytes[headerSize..<scalesStart].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard vocabulary.count == tokenCount else {
            throw corrupt("it lists \(vocabulary.count) tokens where the header declares \(tokenCount)")
        }
        self.tokens = vocabulary.map(Array.init)
        self.dimensions = dimensions
        let scales = floats(at: scalesStart, count: scaleCount)
        guard scales.allSatisfy(\.isFinite) else {
            throw corrupt("its vector scales include one that is not a finite number")
        }
        self.scales = scales
        self.scaleBlock = scaleBlock
        if isCompact {
            let wideRows = (0..<wideRowCount).map { Int(Self.readUInt32(bytes, at: vectorsStart + 4 * $0)) }
            guard zip(wideRows, wideRows.dropFirst()).allSatisfy({ $0 < $1 }), wideRows.allSatisfy({ $0 < tokenCount }) else {
                throw corrupt("its wide rows are not ascending row numbers below \(tokenCount)")
            }
            self.vectors = Self.compactVectors(
                packed: bytes[packedStart..<wideStart], wide: bytes[wideStart..<headStart], wideRows: wideRows,
                tokenCount: tokenCount, dimensions: dimensions)
        } else {
            self.vectors = bytes[vectorsStart..<headStart].map { Int8(bitPattern: $0) }
        }
        func residualLayer(at start: Int, width: Int, name: String) throws(SemanticModelError) -> PoolingHead {
            let inputWeights = floats(at: start, count: dimensions * width)
            let biasStart = start + floatSize * dimensions * width
            let hiddenBias = floats(at: biasStart, count: width)
            let outputWeights = floats(at: biasStart + floatSize * width, count: width * dimensions)
            guard (inputWeights + hiddenBias + outputWeights).allSatisfy(\.isFinite) else {
                throw corrupt("its \(name) has weights that are not finite numbers")
            }
            return PoolingHead(dimensions: dimensions, width: width, inputWeights: inputWeights, hiddenBias: hiddenBias, outputWeights: outputWeights)
        }
        var headLayers: [PoolingHead] = []
        if headWidth > 0 {
            headLayers.append(try residualLayer(at: headStart, width: headWidth, name: "head"))
        }
        if secondLayerWidth > 0 {
            headLayers.append(try residualLayer(at: secondLayerStart, width: secondLayerWidth, name: "second head layer"))
        }
        self.headLayers = headLayers
        if attentionRounds > 0 {
            let queryMaps = floats(at: attentionStart, count: attentionRounds * dimensions * dimensions)
            guard queryMaps.allSatisfy(\.isFinite) else {
                throw corrupt("its attention has weights that are not finite numbers")
            }
            self.attention = ContextWeighting(dimensions: dimensions, rounds: attentionRounds, queryMaps: queryMaps)
        } else {
            self.attention = nil
        }
        if basisSize > 0 {
            let matrix = floats(at: basisStart, count: basisSize * basisSize)
            guard matrix.allSatisfy(\.isFinite) else {
                throw corrupt("its output basis has weights that are not finite numbers")
            }
            self.outputBasis = OutputBasis(dimensions: basisSize, matrix: matrix)
        } else {
            self.outputBasis = nil
        }
        if placesPieces {
            let signedWeights = floats(at: lexicalStart, count: tokenCount)
            guard signedWeights.allSatisfy(\.isFinite) else {
                throw corrupt("its lexical weights include one that is not finite")
            }
            let bucketOfToken = (0..<tokenCount).map { Self.readUInt16(bytes, at: placementStart + 2 * $0) }
            if let outside = bucketOfToken.firstIndex(where: { Int($0) >= lexicalBuckets }) {
                throw corrupt("it places token \(outside) in bucket \(bucketOfToken[outside]) of a lexical part of \(lexicalBuckets) buckets")
            }
            self.lexical = LexicalPart(buckets: lexicalBuckets, share: lexicalShare, bucketOfToken: bucketOfToken, signedWeights: signedWeights)
        } else if lexicalBuckets > 0 {
            let weights = floats(at: lexicalStart, count: tokenCount)
            guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw corrupt("its lexical weights include one that is not finite or is negative")
            }
            self.lexical = LexicalPart(buckets: lexicalBuckets, share: lexicalShare, hashedWeights: weights)
        } else {
            self.lexical = nil
        }
    }

    /// `count` little-endian floats of `size` bytes each (4: binary32, 2: binary16) from `offset`.
    static func readFloats(_ bytes: [UInt8], at offset: Int, count: Int, size: Int = 4) -> [Float] {
        if size == 2 {
            return (0..<count).map { Float(halfPrecisionBits: readUInt16(bytes, at: offset + 2 * $0)) }
        }
        return (0..<count).map { Float(bitPattern: readUInt32(bytes, at: offset + 4 * $0)) }
    }

    /// The components of EMBSEM06's packed vectors: each byte holds two 4-bit two's-complement
    /// numbers, the first component in the low nibble.
    /// The rows of EMBSEM06's table, one `Int8` a component: the `wide` rows (8-bit, at the
    /// row numbers `wideRows`) and the others from `packed`, where each byte holds two 4-bit
    /// two's-complement numbers, the first component in the low nibble.
    static func compactVectors(packed: ArraySlice<UInt8>, wide: ArraySlice<UInt8>, wideRows: [Int], tokenCount: Int, dimensions: Int) -> [Int8] {
        [Int8](unsafeUninitializedCapacity: tokenCount * dimensions) { components, initialized in
            var nextWide = 0
            var packedByte = packed.startIndex
            var wideByte = wide.startIndex
            for row in 0..<tokenCount {
                let rowStart = row * dimensions
                if nextWide < wideRows.count && wideRows[nextWide] == row {
                    for index in 0..<dimensions {
                        components[rowStart + index] = Int8(bitPattern: wide[wideByte + index])
                    }
                    wideByte += dimensions
                    nextWide += 1
                } else {
                    for pair in 0..<(dimensions / 2) {
                        let byte = packed[packedByte + pair]
                        components[rowStart + 2 * pair] = Int8(bitPattern: byte << 4) >> 4
                        components[rowStart + 2 * pair + 1] = Int8(bitPattern: byte) >> 4
                    }
                    packedByte += dimensions / 2
                }
            }
            initialized = tokenCount * dimensions
        }
    }

    static func readUInt16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    /// 64-bit FNV-1a, enough to catch truncation and bit rot (not an integrity signature).
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
