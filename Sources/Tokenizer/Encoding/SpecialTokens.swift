/// cl100k_base's special tokens: control markers with ids above the ordinary vocabulary.
///
/// `encode` never produces them (text such as "<|endoftext|>" is encoded as ordinary text,
/// like tiktoken's `encode_ordinary`), but `decode` turns their ids back into their text,
/// as tiktoken does.
enum SpecialTokens {
    static let cl100kBase: [Int: String] = [
        100257: "<|endoftext|>",
        100258: "<|fim_prefix|>",
        100259: "<|fim_middle|>",
        100260: "<|fim_suffix|>",
        100276: "<|endofprompt|>",
    ]
}
