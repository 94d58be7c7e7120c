/// What the fake endpoint needs from a tokenizer: counts for the 8192-per-input and
/// 300,000-per-request limits and for `usage`, a check of token-id inputs, and text for
/// token-id inputs so that they embed like the text they encode.
public protocol TokenCounting: Sendable {
    /// The encoding's name, for messages (e.g. `cl100k_base`).
    var encodingName: String { get }
    /// How many tokens `text` is.
    func tokenCount(_ text: String) -> Int
    /// Whether `id` is a token of this encoding.
    func isValidToken(_ id: Int) -> Bool
    /// The text that `tokens` encode, or nil when this counter cannot decode.
    func text(for tokens: [Int]) -> String?
}
