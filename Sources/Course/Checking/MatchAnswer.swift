/// Sort items into categories. The learner types one category per item, in item order:
/// letters (`a c b`), or numbered pairs in any order (`1a 3b 2c`).
public struct MatchAnswer: Sendable {
    /// The categories, shown lettered a, b, c, …
    public let categories: [String]
    /// The items to sort, shown numbered 1, 2, 3, …
    public let items: [String]
    /// For each item, the index (0-based) of its category.
    public let correctCategories: [Int]

    public init(categories: [String], items: [String], correctCategories: [Int]) {
        self.categories = categories
        self.items = items
        self.correctCategories = correctCategories
    }

    /// The letters of the categories, offered on tab completion.
    public var categoryLabels: [String] {
        categories.indices.map(ChoiceSelection.letter(for:))
    }

    /// Feedback is keyed by item text, shown when that item is in the wrong category.
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        let placed: [Int]
        switch parse(input) {
        case .failure(let error): return .unreadable(error.message)
        case .success(let categoriesByItem): placed = categoriesByItem
        }
        let wrongItems = items.indices.filter { placed[$0] != correctCategories[$0] }
        if wrongItems.isEmpty { return .correct }
        let right = items.count - wrongItems.count
        let summary = "\(right) of \(items.count) are in the right place; look again at item\(wrongItems.count == 1 ? "" : "s") \(wrongItems.map { String($0 + 1) }.joined(separator: ", "))."
        if let specific = wrongItems.lazy.compactMap({ feedback[items[$0]] }).first {
            return .incorrect(feedback: summary + " " + specific)
        }
        return .incorrect(feedback: summary)
    }

    private func parse(_ input: String) -> Result<[Int], SelectionError> {
        let lastLetter = ChoiceSelection.letter(for: categories.count - 1)
        let expected = "Type one category letter per item, in order (such as `b a …`), or item-letter pairs such as `1b 2a …`."
        let tokens = input.lowercased().split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
        guard !tokens.isEmpty else { return .failure(SelectionError(message: expected)) }
        var placed = [Int?](repeating: nil, count: items.count)
        let isPairs = tokens.allSatisfy { $0.first?.isNumber == true }
        if isPairs {
            for token in tokens {
                let digits = token.prefix { $0.isNumber }
                let rest = token.dropFirst(digits.count).trimmingPrefix { $0 == "-" || $0 == "=" || $0 == ":" }
                guard let number = Int(digits), number >= 1, number <= items.count,
                      let category = categoryIndex(String(rest)) else {
                    return .failure(SelectionError(message: "“\(token)” is not an item number (1–\(items.count)) followed by a category letter (a–\(lastLetter))."))
                }
                placed[number - 1] = category
            }
        } else {
            let letters = tokens.count == 1 && tokens[0].count == items.count ? tokens[0].map(String.init) : tokens
            guard letters.count == items.count else {
                return .failure(SelectionError(message: "There are \(items.count) items and you gave \(letters.count) categories. " + expected))
            }
            for (item, letter) in letters.enumerated() {
                guard let category = categoryIndex(letter) else {
                    return .failure(SelectionError(message: "“\(letter)” is not a category: use a letter a–\(lastLetter)."))
                }
                placed[item] = category
            }
        }
        let missing = placed.indices.filter { placed[$0] == nil }
        guard missing.isEmpty else {
            return .failure(SelectionError(message: "Place every item: item\(missing.count == 1 ? "" : "s") \(missing.map { String($0 + 1) }.joined(separator: ", ")) \(missing.count == 1 ? "has" : "have") no category yet."))
        }
        return .success(placed.compactMap { $0 })
    }

    private func categoryIndex(_ token: String) -> Int? {
        guard token.count == 1, let scalar = token.unicodeScalars.first else { return nil }
        let offset = Int(scalar.value) - Int(UInt8(ascii: "a"))
        return offset >= 0 && offset < categories.count ? offset : nil
    }
}
