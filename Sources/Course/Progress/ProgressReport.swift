/// A summary of progress through the course, for `progress`, `lessons` and `:progress`.
/// Encodes to the stable JSON of `progress --json`.
public struct ProgressReport: Codable, Sendable, Equatable {
    /// Where a lesson stands.
    public enum Status: String, Codable, Sendable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case done
    }

    /// One lesson's line in the summary.
    public struct LessonLine: Codable, Sendable, Equatable {
        public let number: Int
        public let id: String
        public let title: String
        public let status: Status
        public let steps: Int
        public let stepsDone: Int
        public let stepsSkipped: Int
        public let questions: Int
        public let attempts: Int
        public let hints: Int
        /// The step the lesson resumes at, when started and not finished.
        public let currentStep: String?
    }

    public let lessons: [LessonLine]
    /// The lesson `embedlings` resumes at.
    public let currentLesson: String?

    public init(course: Course, state: ProgressState) {
        lessons = course.lessons.enumerated().map { index, lesson in
            let progress = state.lesson(lesson.id)
            let stepIDs = Set(lesson.steps.map(\.id))
            let done = progress.doneSteps.intersection(stepIDs).count
            let status: Status = progress.completed ? .done : (progress.isStarted ? .inProgress : .notStarted)
            return LessonLine(
                number: index + 1, id: lesson.id, title: lesson.title, status: status,
                steps: lesson.steps.count, stepsDone: done,
                stepsSkipped: progress.skippedSteps.intersection(stepIDs).count,
                questions: lesson.steps.filter { $0.question != nil }.count,
                attempts: progress.totalAttempts, hints: progress.totalHints,
                currentStep: status == .inProgress ? progress.currentStep : nil)
        }
        currentLesson = state.currentLesson.flatMap { course.lessonIndex(id: $0) != nil ? $0 : nil }
    }
}
