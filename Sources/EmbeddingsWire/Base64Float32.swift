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
    /// The base64 text of `values`' little-endian float32 bytes.
    public static func encode(_ values: [Float]) -> String {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        bytes.withUnsafeMutableBytes { raw in
            for (position, value) in values.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: position * 4, as: UInt32.self)
            }
        }
        return Data(bytes).base64EncodedString()
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
