/// One embedding as it travels: a JSON array of floats, or a base64 string of float32 bytes.
public enum Embedding: Sendable, Hashable {
    case floats([Float])
    case base64(String)

    /// The vector, decoding base64 when needed.
    public func floats() throws(Base64Float32Error) -> [Float] {
        switch self {
        case .floats(let values): values
        case .base64(let text): try Base64Float32.decode(text)
        }
    }
}

extension Embedding: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .base64(text)
        } else {
            self = .floats(try container.decode([Float].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .floats(let values): try container.encode(values)
        case .base64(let text): try container.encode(text)
        }
    }
}
