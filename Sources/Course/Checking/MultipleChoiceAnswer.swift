/// A select-all-that-apply question: right when exactly the correct set is picked, in any order.
public struct MultipleChoiceAnswer: Sendable {
    /// The choices, in the order shown.
    public let choices: [String]
    /// The indices (0-based) of every right choice.
    public let correctIndices: Set<Int>

    public init(choices: [String], correctIndices: Set<Int>) {
        self.choices = choices
        self.correctIndices = correctIndices
    }

    /// Feedback is keyed by choice text: shown when that choice is wrongly picked or wrongly left out.
    /// Without lesson feedback, the learner is told how many are missing or extra.
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        let picked: Set<Int>
        switch ChoiceSelection.parse(input, choices: choices) {
        case .failure(let error): return .unreadable(error.message)
        case .success(let indices): picked = Set(indices)
        }
        if picked == correctIndices { return .correct }
        let wronglyPicked = picked.subtracting(correctIndices).sorted()
        let missed = correctIndices.subtracting(picked).sorted()
        let specific = (wronglyPicked + missed).compactMap { feedback[choices[$0]] }
        if let first = specific.first { return .incorrect(feedback: first) }
        var parts: [String] = []
        if !wronglyPicked.isEmpty {
            parts.append(wronglyPicked.count == 1 ? "one of your picks does not apply" : "\(wronglyPicked.count) of your picks do not apply")
        }
        if !missed.isEmpty {
            parts.append(missed.count == 1 ? "one right choice is missing" : "\(missed.count) right choices are missing")
        }
        let sentence = parts.joined(separator: " and ")
        return .incorrect(feedback: sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
    }
}
