/// Reads tiktoken's `.tiktoken` ranks format: one `base64(token bytes) rank` pair per line,
/// ranks 0, 1, 2… in order (empty lines are ignored, as tiktoken ignores them).
enum RanksFileParser {
    /// The token bytes of all ranks, concatenated, and where each rank's bytes start
    /// (one offset per rank plus the final end), ready for `RankTable`.
    static func parse(_ contents: [UInt8]) throws(TokenizerError) -> (bytes: [UInt8], offsets: [Int32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contents.count * 3 / 4)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(contents.count / 8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < contents.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < contents.count, contents[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }
            guard let space = contents[lineStart..<lineEnd].firstIndex(of: 0x20) else {
                throw .ranksFileMalformed(line: lineNumber, reason: "expected `base64-bytes rank`, found no space")
            }
            guard Base64.decode(contents[lineStart..<space], appendingTo: &bytes) else {
                throw .ranksFileMalformed(line: lineNumber, reason: "the token bytes are not valid base64")
            }
            guard let rank = decimal(contents[(space + 1)..<lineEnd]) else {
                throw .ranksFileMalformed(line: lineNumber, reason: "the rank is not a decimal number")
            }
            guard rank == offsets.count - 1 else {
                throw .ranksFileMalformed(line: lineNumber, reason: "rank \(rank) is out of order; expected \(offsets.count - 1)")
            }
            guard bytes.count > Int(offsets[offsets.count - 1]) else {
                throw .ranksFileMalformed(line: lineNumber, reason: "the token has no bytes")
            }
            offsets.append(Int32(bytes.count))
        }
        guard offsets.count > 256 else {
            throw .ranksFileMalformed(line: lineNumber, reason: "only \(offsets.count - 1) ranks; a byte-level BPE needs at least 256")
        }
        return (bytes, offsets)
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }
}
