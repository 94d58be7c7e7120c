/// The outcome of checking one typed answer.
public enum AnswerVerdict: Sendable, Equatable {
    /// The answer is right.
    case correct
    /// The answer is wrong; `feedback` says why when the lesson (or the checker) knows.
    case incorrect(feedback: String?)
    /// The input is not an answer of the expected form (e.g. "7" for a question with 4 choices);
    /// it does not count as an attempt and the message says what to type instead.
    case unreadable(String)
}
