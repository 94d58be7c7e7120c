/// All graded submissions of one learner.
public struct LearnerGrade: Sendable, Equatable, Codable {
    /// The learner's name: their folder's name, or the file's name without `.py`.
    public var learner: String
    /// One grade per submitted file, in course order.
    public var submissions: [SubmissionGrade]

    public init(learner: String, submissions: [SubmissionGrade]) {
        self.learner = learner
        self.submissions = submissions
    }

    /// Submissions that passed.
    public var passedCount: Int { submissions.filter(\.passed).count }

    /// The mean score over the submitted exercises (0 when nothing was submitted).
    public var score: Double {
        guard !submissions.isEmpty else { return 0 }
        return submissions.map(\.score).reduce(0, +) / Double(submissions.count)
    }

    /// The submission for an exercise, if the learner submitted one.
    public func submission(for exercise: String) -> SubmissionGrade? {
        submissions.first { $0.exercise == exercise }
    }
}
