import Tokenizer

/// tiktoken's cl100k_base through the `Tokenizer` module: exact counts for the 8192 and
/// 300,000 limits and `usage`, token ids checked against the vocabulary, and token-id
/// inputs decoded so they embed like the text they encode.
public struct BPETokenCounter: TokenCounting {
    public let encoding: BPEEncoding

    public init(encoding: BPEEncoding) { self.encoding = encoding }

    public var encodingName: String { encoding.name }

    public func tokenCount(_ text: String) -> Int { encoding.count(text) }

    public func isValidToken(_ id: Int) -> Bool { encoding.isValidToken(id) }

    public func text(for tokens: [Int]) -> String? { try? encoding.decode(tokens) }
}
