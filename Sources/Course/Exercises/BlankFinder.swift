/// Finds `____` blanks left in code, so the learner hears about them before anything runs.
public enum BlankFinder {
    /// The marker that starter code uses for a blank.
    public static let marker = "____"

    /// The 1-based line numbers that still contain a blank.
    public static func blankLines(in code: String) -> [Int] {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .filter { $0.element.contains(marker) }
            .map { $0.offset + 1 }
    }

    /// Feedback for the first blank, or `nil` when the code has none.
    public static func feedback(for code: String) -> String? {
        let lines = blankLines(in: code)
        guard let first = lines.first else { return nil }
        if lines.count == 1 { return "You left a `____` blank on line \(first). Replace it with your code." }
        return "You left a `____` blank on line \(first) (and \(lines.count - 1) more). Replace each with your code."
    }
}
