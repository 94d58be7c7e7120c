import Foundation

/// Why a base64 embedding could not be read back.
public enum Base64Float32Error: Error, Sendable, Hashable, CustomStringConvertible {
    case notBase64
    case lengthNotMultipleOfFour(byteCount: Int)

    public var description: String {
        switch self {
        case .notBase64:
            "the embedding is not valid base64"
        case .lengthNotMultipleOfFour(let byteCount):
            "the base64 embedding decodes to \(byteCount) bytes, which is not a whole number of float32 values"
        }
    }
}

/// `encoding_format: "base64"`: float32 values as little-endian bytes, base64-encoded.
/// Little-endian is written explicitly so the bytes are the same on any host.
public enum Base64Float32 {
    /// The base64 text of `values`' little-endian float32 bytes (standard alphabet, padded).
    ///
    /// Written by hand rather than through `Data.base64EncodedString()`: the fake endpoint
    /// encodes every base64 embedding it serves, and this skips two copies and turns each
    /// three bytes into four characters with two lookups in a table of character pairs.
    public static func encode(_ values: [Float]) -> String {
        #if _endian(little)
        return values.withUnsafeBytes { encode(bytes: $0) }
        #else
        let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        return bytes.withUnsafeBytes { encode(bytes: $0) }
        #endif
    }

    /// Base64 of `bytes`.
    static func encode(bytes: UnsafeRawBufferPointer) -> String {
        let textCount = (bytes.count + 2) / 3 * 4
        guard textCount > 0 else { return "" }
        return String(unsafeUninitializedCapacity: textCount) { text in
            characterPairs.withUnsafeBufferPointer { pairs in
                let output = UnsafeMutableRawPointer(text.baseAddress!)
                var input = 0
                var written = 0
                while input + 3 <= bytes.count {
                    let group = UInt32(bytes[input]) << 16 | UInt32(bytes[input + 1]) << 8 | UInt32(bytes[input + 2])
                    output.storeBytes(of: pairs[Int(group >> 12)], toByteOffset: written, as: UInt16.self)
                    output.storeBytes(of: pairs[Int(group & 0xfff)], toByteOffset: written + 2, as: UInt16.self)
                    input += 3
                    written += 4
                }
                let left = bytes.count - input
                if left > 0 {
                    let first = UInt32(bytes[input]) << 16
                    let group = left == 2 ? first | UInt32(bytes[input + 1]) << 8 : first
                    text[written] = alphabetBytes[Int(group >> 18)]
                    text[written + 1] = alphabetBytes[Int(group >> 12 & 0x3f)]
                    text[written + 2] = left == 2 ? alphabetBytes[Int(group >> 6 & 0x3f)] : UInt8(ascii: "=")
                    text[written + 3] = UInt8(ascii: "=")
                    written += 4
                }
                return written
            }
        }
    }

    static let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    static let alphabetBytes = Array(alphabet.utf8)

    /// Every 12-bit value's two base64 characters, as the bytes they occupy in memory.
    static let characterPairs: [UInt16] = (0..<4096).map { value in
        let pair = [alphabetBytes[value >> 6], alphabetBytes[value & 0x3f]]
        return pair.withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) }
    }

    /// The float32 values in `text`, which must be base64 of little-endian float32 bytes.
    public static func decode(_ text: String) throws(Base64Float32Error) -> [Float] {
        guard let data = Data(base64Encoded: text) else { throw .notBase64 }
        guard data.count % 4 == 0 else { throw .lengthNotMultipleOfFour(byteCount: data.count) }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map { position in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position * 4, as: UInt32.self)))
            }
        }
    }
}
