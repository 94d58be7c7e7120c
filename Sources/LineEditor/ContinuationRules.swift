/// Ready-made answers to "does this entry need another line?".
public enum ContinuationRules {
    /// Every line is complete on its own.
    public static let singleLine: ContinuationRule = { _ in false }

    /// Python-style input: an open bracket or a trailing `\` continues onto the next line; a line
    /// ending in `:` opens a block, which continues until an empty line.
    public static let pythonBlocks: ContinuationRule = { text in
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let last = lines.last else { return false }
        if hasOpenBracket(text) { return true }
        if codePart(of: last).hasSuffix("\\") { return true }
        let opensBlock = lines.contains { codePart(of: $0).hasSuffix(":") }
        guard opensBlock else { return false }
        return lines.count == 1 || !last.allSatisfy(\.isWhitespace)
    }

    /// Like `pythonBlocks`, but an empty line always ends the entry, even inside an open bracket:
    /// for prompts where a stray `(` is more likely a typo than code (quiz answers), so the
    /// learner is never stuck at the continuation prompt.
    public static let pythonBlocksClosedByEmptyLine: ContinuationRule = { text in
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, let last = lines.last, last.allSatisfy(\.isWhitespace) { return false }
        return pythonBlocks(text)
    }

    /// The line without its `#` comment and trailing spaces (quotes are respected).
    static func codePart(of line: String) -> String {
        var quote: Character?
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            }
            result.append(character)
        }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    private static func hasOpenBracket(_ text: String) -> Bool {
        var depth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var quote: Character?
            for character in codePart(of: String(line)) {
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                switch character {
                case "\"", "'": quote = character
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth = max(0, depth - 1)
                default: break
                }
            }
        }
        return depth > 0
    }
}
