/// A question: a prompt, how its answer is checked, and the teaching around it.
public struct Question: Sendable {
    /// The question text.
    public let prompt: String
    /// What counts as right, for the question's kind.
    public let answer: AnswerKey
    /// Hints, each more specific than the one before, shown one per `:hint`.
    public let hints: [String]
    /// Feedback for specific wrong answers (see `AnswerKey.check`).
    public let feedback: [String: String]
    /// Shown once the question is answered correctly: why the answer is right.
    public let explanation: String

    public init(prompt: String, answer: AnswerKey, hints: [String], feedback: [String: String], explanation: String) {
        self.prompt = prompt
        self.answer = answer
        self.hints = hints
        self.feedback = feedback
        self.explanation = explanation
    }

    /// Checks one typed answer, attaching the lesson's feedback for this particular wrong answer.
    public func check(_ input: String) -> AnswerVerdict {
        answer.check(input, feedback: feedback)
    }
}
