/// Wraps text to a width, paragraph by paragraph. Blank lines are kept; list items
/// (`- `, `* `, `1. `) and indented lines keep their indentation on continuation lines.
struct TextWrapper: Sendable {
    let width: Int

    init(width: Int) {
        self.width = max(20, width)
    }

    func wrap(_ text: String, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), indent: indent) }
            .joined(separator: "\n")
    }

    private func wrapLine(_ line: String, indent: String) -> String {
        if line.allSatisfy(\.isWhitespace) { return "" }
        let leading = String(line.prefix { $0 == " " })
        let body = line.dropFirst(leading.count)
        let marker = Self.listMarker(in: body)
        let firstPrefix = indent + leading
        let hangingPrefix = indent + leading + String(repeating: " ", count: marker.count)
        var lines: [String] = []
        var current = firstPrefix
        var currentHasWord = false
        for word in body.split(separator: " ") {
            let candidateLength = current.count + (currentHasWord ? 1 : 0) + word.count
            if currentHasWord && candidateLength > width {
                lines.append(current)
                current = hangingPrefix + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    private static func listMarker(in text: Substring) -> String {
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ") { return "  " }
        let digits = text.prefix { $0.isNumber }
        if (1...2).contains(digits.count), text.dropFirst(digits.count).hasPrefix(". ") || text.dropFirst(digits.count).hasPrefix(") ") {
            return String(repeating: " ", count: digits.count + 2)
        }
        return ""
    }
}
