import Foundation

/// The parsed contents of `semantic-model.bin`: vocabulary and 8-bit token vectors.
///
/// Layout (little-endian), written by Tools/semantic-model/build_model.py:
/// ```
/// magic "EMBSEM01" | u32 tokenCount | u32 dimensions | u32 vocabularyBytes | u64 FNV-1a checksum
/// vocabulary: tokens joined by "\n" (UTF-8), vocabularyBytes long
/// scales:     tokenCount × f32, one per token vector
/// vectors:    tokenCount × dimensions × i8, row-major
/// ```
/// A vector component is `Float(i8) * scale`. The checksum covers everything after the header.
struct SemanticModelFile: Sendable {
    static let magic = Array("EMBSEM01".utf8)
    static let headerSize = 8 + 4 + 4 + 4 + 8

    let tokens: [[UInt8]]
    let dimensions: Int
    let scales: [Float]
    let vectors: [Int8]

    /// Parses and checks `bytes`; `path` only names the file in errors.
    init(bytes: [UInt8], path: String) throws(SemanticModelError) {
        func corrupt(_ reason: String) -> SemanticModelError { .corrupt(path: path, reason: reason) }
        guard bytes.count >= Self.headerSize, Array(bytes[0..<8]) == Self.magic else {
            throw corrupt("it does not start with the EMBSEM01 header")
        }
        let tokenCount = Int(Self.readUInt32(bytes, at: 8))
        let dimensions = Int(Self.readUInt32(bytes, at: 12))
        let vocabularyBytes = Int(Self.readUInt32(bytes, at: 16))
        let checksum = Self.readUInt64(bytes, at: 20)
        guard tokenCount > 0, dimensions > 0, dimensions <= 4096 else {
            throw corrupt("the header declares \(tokenCount) tokens of \(dimensions) dimensions")
        }
        let scalesStart = Self.headerSize + vocabularyBytes
        let vectorsStart = scalesStart + 4 * tokenCount
        let expectedSize = vectorsStart + tokenCount * dimensions
        guard bytes.count == expectedSize else {
            throw corrupt("it has \(bytes.count) bytes where the header implies \(expectedSize)")
        }
        guard Self.fnv1a(bytes[Self.headerSize...]) == checksum else {
            throw corrupt("its checksum does not match")
        }
        let vocabulary = bytes[Self.headerSize..<scalesStart].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard vocabulary.count == tokenCount else {
            throw corrupt("it lists \(vocabulary.count) tokens where the header declares \(tokenCount)")
        }
        self.tokens = vocabulary.map(Array.init)
        self.dimensions = dimensions
        self.scales = (0..<tokenCount).map { Float(bitPattern: Self.readUInt32(bytes, at: scalesStart + 4 * $0)) }
        self.vectors = bytes[vectorsStart...].map { Int8(bitPattern: $0) }
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
