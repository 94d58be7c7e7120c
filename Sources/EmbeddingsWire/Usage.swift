/// Tokens a request consumed; for embeddings `total_tokens` equals `prompt_tokens`.
public struct Usage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.totalTokens = totalTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case totalTokens = "total_tokens"
    }
}
