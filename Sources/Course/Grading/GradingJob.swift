/// One file to grade: whose it is, which exercise it answers, where it is.
public struct GradingJob: Sendable, Equatable, Codable {
    /// The learner's name (their folder, or the file's name without `.py`).
    public var learner: String
    /// The exercise id the file answers.
    public var exercise: String
    /// The file's path.
    public var file: String

    public init(learner: String, exercise: String, file: String) {
        self.learner = learner
        self.exercise = exercise
        self.file = file
    }
}
