/// The learner's position and history, replayed from the progress log's events in order.
public struct ProgressState: Sendable, Equatable {
    /// Progress per lesson id.
    public private(set) var lessons: [String: LessonProgress] = [:]
    /// The lesson last visited: where `embedlings` resumes.
    public private(set) var currentLesson: String?

    public init(events: [ProgressEvent] = []) {
        for event in events { apply(event) }
    }

    /// Progress in one lesson (empty when never started).
    public func lesson(_ id: String) -> LessonProgress {
        lessons[id] ?? LessonProgress()
    }

    /// Folds one more event into the state; the session calls this as it appends to the log.
    public mutating func apply(_ event: ProgressEvent) {
        if event.kind == .reset {
            if let lesson = event.lesson {
                lessons[lesson] = nil
                if currentLesson == lesson { currentLesson = nil }
            } else {
                lessons = [:]
                currentLesson = nil
            }
            return
        }
        guard let lessonID = event.lesson else { return }
        if event.kind == .visited { currentLesson = lessonID }
        Self.fold(event, into: &lessons[lessonID, default: LessonProgress()])
    }

    /// Updates one lesson's progress in place (no copy of its sets per event).
    private static func fold(_ event: ProgressEvent, into progress: inout LessonProgress) {
        switch event.kind {
        case .visited:
            progress.currentStep = event.step
        case .answered, .codeSubmitted:
            if let step = event.step { progress.attempts[step, default: 0] += 1 }
        case .hintShown:
            if let step = event.step { progress.hintsShown[step] = max(progress.hintsShown[step] ?? 0, event.hint ?? 1) }
        case .stepDone:
            if let step = event.step {
                progress.doneSteps.insert(step)
                progress.skippedSteps.remove(step)
            }
        case .skipped:
            if let step = event.step, !progress.doneSteps.contains(step) { progress.skippedSteps.insert(step) }
        case .lessonDone:
            progress.completed = true
        case .solutionShown, .reset:
            break
        }
    }
}
