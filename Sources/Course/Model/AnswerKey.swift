import Foundation

/// How a question's answer is checked: one case per question kind.
public enum AnswerKey: Sendable {
    /// Pick exactly one of several choices.
    case choice(ChoiceAnswer)
    /// Select all that apply.
    case multi(MultipleChoiceAnswer)
    /// A short free-text answer.
    case text(TextAnswer)
    /// A number, within a tolerance.
    case number(NumberAnswer)
    /// Sort items into categories.
    case match(MatchAnswer)

    /// The kind's name as written in lesson files.
    public var kindName: String {
        switch self {
        case .choice: "choice"
        case .multi: "multi"
        case .text: "text"
        case .number: "number"
        case .match: "match"
        }
    }

    /// Checks a typed answer. `feedback` maps specific wrong answers to what to tell the learner.
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        switch self {
        case .choice(let key): key.check(input, feedback: feedback)
        case .multi(let key): key.check(input, feedback: feedback)
        case .text(let key): key.check(input, feedback: feedback)
        case .number(let key): key.check(input, feedback: feedback)
        case .match(let key): key.check(input, feedback: feedback)
        }
    }

    /// Answers worth offering on tab completion while this question is open: the text of each
    /// choice (typing it is as good as its number), or the category letters of a match question.
    public var completionCandidates: [String] {
        switch self {
        case .choice(let key): key.choices
        case .multi(let key): key.choices
        case .match(let key): key.categoryLabels
        case .text, .number: []
        }
    }
}

extension AnswerKey {
    /// One right answer, typed the way a learner would; used to prove every question can be
    /// answered (tests, and the course's self-check). Nil for text questions with only patterns.
    public var sampleCorrectAnswer: String? {
        switch self {
        case .choice(let key): String(key.correctIndex + 1)
        case .multi(let key): key.correctIndices.sorted().map { String($0 + 1) }.joined(separator: ",")
        case .text(let key): key.accepted.first
        case .number(let key): key.value.formatted(.number.grouping(.never))
        case .match(let key): key.correctCategories.map(ChoiceSelection.letter(for:)).joined(separator: " ")
        }
    }
}
