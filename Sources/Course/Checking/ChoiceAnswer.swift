/// A question with one right choice among several.
public struct ChoiceAnswer: Sendable {
    /// The choices, in the order shown.
    public let choices: [String]
    /// The index (0-based) of the right choice.
    public let correctIndex: Int

    public init(choices: [String], correctIndex: Int) {
        self.choices = choices
        self.correctIndex = correctIndex
    }

    /// Right when exactly the correct choice is named; feedback is keyed by choice text.
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        switch ChoiceSelection.parse(input, choices: choices) {
        case .failure(let error):
            return .unreadable(error.message)
        case .success(let picked) where picked.count != 1:
            return .unreadable("Pick one choice only.")
        case .success(let picked):
            if picked[0] == correctIndex { return .correct }
            return .incorrect(feedback: feedback[choices[picked[0]]])
        }
    }
}
