/// The `input` field of an embeddings request: one text, several texts, one token-id array,
/// or several token-id arrays, exactly the four shapes the API accepts.
public enum EmbeddingInput: Sendable, Hashable {
    case text(String)
    case texts([String])
    case tokens([Int])
    case tokenArrays([[Int]])

    /// How many embeddings the request asks for (one per text or token array).
    public var count: Int {
        switch self {
        case .text: 1
        case .texts(let texts): texts.count
        case .tokens: 1
        case .tokenArrays(let arrays): arrays.count
        }
    }
}

extension EmbeddingInput: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let texts = try? container.decode([String].self) {
            self = .texts(texts)
        } else if let tokens = try? container.decode([Int].self) {
            self = .tokens(tokens)
        } else if let arrays = try? container.decode([[Int]].self) {
            self = .tokenArrays(arrays)
        } else {
            throw DecodingError.typeMismatch(
                EmbeddingInput.self,
                DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "input must be a string, an array of strings, an array of token ids, or an array of token-id arrays"
                )
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .texts(let texts): try container.encode(texts)
        case .tokens(let tokens): try container.encode(tokens)
        case .tokenArrays(let arrays): try container.encode(arrays)
        }
    }
}
