import Foundation

/// One line of the progress log: something the learner did, when, and where in the course.
/// Fields not relevant to a kind are left out of the JSON line.
public struct ProgressEvent: Codable, Sendable, Equatable {
    /// What happened. Raw values are the log's vocabulary and must stay stable.
    public enum Kind: String, Codable, Sendable {
        /// A step was shown; the last one is where the course resumes.
        case visited
        /// A question was answered (`answer`, `correct`).
        case answered
        /// A hint was shown (`hint` is its 1-based number).
        case hintShown = "hint_shown"
        /// A step was finished: read, or answered correctly.
        case stepDone = "step_done"
        /// A step was skipped without finishing it.
        case skipped
        /// Every step of a lesson is done or skipped.
        case lessonDone = "lesson_done"
        /// Progress was reset: for `lesson`, or for the whole course when `lesson` is nil.
        case reset
        /// Code exercises: code was submitted (`code`, `correct`).
        case codeSubmitted = "code_submitted"
        /// Code exercises: the solution was shown.
        case solutionShown = "solution_shown"
    }

    public var kind: Kind
    public var time: Date
    public var lesson: String?
    public var step: String?
    public var answer: String?
    public var correct: Bool?
    public var hint: Int?
    public var code: String?

    public init(kind: Kind, lesson: String?, step: String? = nil, time: Date = Date(),
                answer: String? = nil, correct: Bool? = nil, hint: Int? = nil, code: String? = nil) {
        self.kind = kind
        self.time = time
        self.lesson = lesson
        self.step = step
        self.answer = answer
        self.correct = correct
        self.hint = hint
        self.code = code
    }
}
