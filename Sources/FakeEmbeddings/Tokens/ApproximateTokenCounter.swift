/// An approximation of cl100k_base token counts, the fallback when the bundled ranks file
/// cannot be loaded (and a cheap counter for tests that need no exact counts): every run of letters or digits is one token per started five characters, every other
/// non-space character is one token. Close to tiktoken for everyday English, not exact.
public struct ApproximateTokenCounter: TokenCounting {
    /// cl100k_base's ranks run 0…100255; its special tokens are 100257–100260 and 100276.
    static let ordinaryTokenCount = 100_256
    static let specialTokens: Set<Int> = [100_257, 100_258, 100_259, 100_260, 100_276]

    public init() {}

    public var encodingName: String { "cl100k_base" }

    public func tokenCount(_ text: String) -> Int {
        var count = 0
        var wordLength = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                wordLength += 1
                continue
            }
            count += (wordLength + 4) / 5
            wordLength = 0
            if !scalar.properties.isWhitespace { count += 1 }
        }
        return count + (wordLength + 4) / 5
    }

    public func isValidToken(_ id: Int) -> Bool {
        (0..<Self.ordinaryTokenCount).contains(id) || Self.specialTokens.contains(id)
    }

    public func text(for tokens: [Int]) -> String? { nil }
}
