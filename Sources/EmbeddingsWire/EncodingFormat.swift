/// The `encoding_format` of a request: `float` (the API's default) or `base64`.
///
/// Any other string is representable on purpose, so that a request naming `md5` reaches the
/// endpoint and is answered with the API's own 400 message instead of failing to decode.
public struct EncodingFormat: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A JSON array of numbers per embedding.
    public static let float = EncodingFormat(rawValue: "float")
    /// The float32 values' little-endian bytes, base64-encoded, per embedding.
    public static let base64 = EncodingFormat(rawValue: "base64")

    /// Whether the API accepts this value.
    public var isSupported: Bool { self == .float || self == .base64 }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
