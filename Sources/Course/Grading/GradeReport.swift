/// The outcome of one `embedlings grade` run: every learner, every submission.
public struct GradeReport: Sendable, Equatable {
    /// Learners in the order they were given (folders sorted by name).
    public var learners: [LearnerGrade]
    /// The exercises that appear as columns (course order), for reports that need a fixed set.
    public var exercises: [String]
    /// Wall time of the whole batch, in seconds.
    public var durationSeconds: Double

    public init(learners: [LearnerGrade], exercises: [String], durationSeconds: Double) {
        self.learners = learners
        self.exercises = exercises
        self.durationSeconds = durationSeconds
    }

    /// Every submission of every learner.
    public var submissions: [SubmissionGrade] { learners.flatMap(\.submissions) }

    /// Submissions that passed.
    public var passedCount: Int { submissions.filter(\.passed).count }

    /// Submissions that did not pass.
    public var failedCount: Int { submissions.count - passedCount }

    /// The mean of the learners' scores (0 for an empty report).
    public var score: Double {
        guard !learners.isEmpty else { return 0 }
        return learners.map(\.score).reduce(0, +) / Double(learners.count)
    }

    /// Whether every submission passed: the grade command's exit status depends on it.
    public var allPassed: Bool { failedCount == 0 }
}
