import Foundation

/// What a learner has done in one lesson, rebuilt from the progress log.
public struct LessonProgress: Sendable, Equatable {
    /// Steps finished (read, or answered correctly).
    public var doneSteps: Set<String> = []
    /// Steps skipped and not finished since.
    public var skippedSteps: Set<String> = []
    /// Answers given, per step.
    public var attempts: [String: Int] = [:]
    /// Hints shown, per step (the highest hint number reached).
    public var hintsShown: [String: Int] = [:]
    /// The step last shown: where the lesson resumes.
    public var currentStep: String?
    /// Whether the lesson was finished.
    public var completed = false

    public init() {}

    /// Total answers given in this lesson.
    public var totalAttempts: Int { attempts.values.reduce(0, +) }
    /// Total hints shown in this lesson.
    public var totalHints: Int { hintsShown.values.reduce(0, +) }
    /// Whether anything at all was done in this lesson.
    public var isStarted: Bool { currentStep != nil || !doneSteps.isEmpty || completed }
}
