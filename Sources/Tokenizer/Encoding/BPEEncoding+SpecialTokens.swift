/// tiktoken's handling of special tokens in `encode`: text that spells a special token
/// ("<|endoftext|>") raises unless the caller allows it (then it becomes the token's id) or
/// disables the check (then it is ordinary text, as in `encode_ordinary`).
extension BPEEncoding {
    /// The texts of the encoding's special tokens: tiktoken's `special_tokens_set`.
    public var specialTokenTexts: Set<String> {
        Set(specialTokens.values.map { String(decoding: $0, as: UTF8.self) })
    }

    /// The id of the special token spelled `text`, or nil if `text` spells none.
    public func specialTokenID(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return specialTokens.first { $0.value == bytes }?.key
    }

    /// The leftmost occurrence in `text` of any string in `candidates` (tiktoken searches for
    /// the disallowed special tokens this way before it encodes), or nil if none occurs.
    public func firstOccurrence(in text: String, of candidates: Set<String>) -> String? {
        let patterns = candidates.map { Array($0.utf8) }
        return Self.leftmostMatch(in: Array(text.utf8), from: 0, patterns: patterns).map { String(decoding: patterns[$0.pattern], as: UTF8.self) }
    }

    /// tiktoken's `encode(text, allowed_special=allowed)` once its check has passed: every
    /// occurrence of a special token named in `allowed` becomes that token's id, and the text
    /// between them is encoded as ordinary text. Strings in `allowed` that spell no special
    /// token of this encoding are ignored, as tiktoken ignores them.
    public func encode(_ text: String, allowedSpecial allowed: Set<String>) -> [Int] {
        let specials = allowed.compactMap { text in specialTokenID(text).map { (id: $0, bytes: Array(text.utf8)) } }
        guard !specials.isEmpty else { return encode(text) }
        let bytes = Array(text.utf8)
        let patterns = specials.map(\.bytes)
        var tokens: [Int] = []
        var start = 0
        while let match = Self.leftmostMatch(in: bytes, from: start, patterns: patterns) {
            // Special tokens are ASCII, so the bytes before one are whole characters.
            tokens += encode(String(decoding: bytes[start..<match.position], as: UTF8.self))
            tokens.append(specials[match.pattern].id)
            start = match.position + specials[match.pattern].bytes.count
        }
        tokens += encode(String(decoding: bytes[start...], as: UTF8.self))
        return tokens
    }

    /// The first position at or after `start` where one of `patterns` begins, and which one
    /// (the longest, if several begin there).
    private static func leftmostMatch(in bytes: [UInt8], from start: Int, patterns: [[UInt8]]) -> (position: Int, pattern: Int)? {
        guard !patterns.isEmpty, start <= bytes.count else { return nil }
        for position in start...bytes.count {
            var longest: Int?
            for (index, pattern) in patterns.enumerated() {
                if let found = longest, patterns[found].count >= pattern.count { continue }
                if bytes.count - position >= pattern.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern) {
                    longest = index
                }
            }
            if let longest { return (position, longest) }
        }
        return nil
    }
}
