/// Standard base64 (RFC 4648, with `=` padding) decoding into an existing buffer, so the
/// 100,000 short tokens of a ranks file need no allocation each.
enum Base64 {
    private static let invalid: UInt8 = 0xFF

    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// Appends the bytes `encoded` stands for to `output`; false (output unspecified) if it is not base64.
    static func decode(_ encoded: ArraySlice<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        guard !encoded.isEmpty, encoded.count % 4 == 0 else { return false }
        var padding = 0
        if encoded.last == 0x3D { padding += 1 }
        if encoded.count >= 2, encoded[encoded.endIndex - 2] == 0x3D { padding += 1 }
        let dataEnd = encoded.endIndex - padding
        var accumulator: UInt32 = 0
        var bits = 0
        for index in encoded.startIndex..<dataEnd {
            let sextet = sextets[Int(encoded[index])]
            guard sextet != invalid else { return false }
            accumulator = accumulator << 6 | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return true
    }
}
