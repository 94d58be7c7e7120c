/// The grade of one learner's file for one exercise.
public struct SubmissionGrade: Sendable, Equatable, Codable {
    /// The exercise id the file answers.
    public var exercise: String
    /// The submitted file, as given on the command line or found in the folder.
    public var file: String
    /// How the run ended.
    public var status: SubmissionStatus
    /// Checks that passed.
    public var checksPassed: Int
    /// Checks the exercise has.
    public var checksTotal: Int
    /// What a tutor would say about the first failing check; empty when everything passed.
    public var feedback: String
    /// Wall time of the run (setup, submission and checks), in seconds.
    public var durationSeconds: Double

    public init(
        exercise: String, file: String, status: SubmissionStatus,
        checksPassed: Int, checksTotal: Int, feedback: String, durationSeconds: Double
    ) {
        self.exercise = exercise
        self.file = file
        self.status = status
        self.checksPassed = checksPassed
        self.checksTotal = checksTotal
        self.feedback = feedback
        self.durationSeconds = durationSeconds
    }

    /// Whether every check passed.
    public var passed: Bool { status.isPass }

    /// Checks passed ÷ checks, from 0 to 1; code that could not run scores 0.
    public var score: Double {
        guard checksTotal > 0 else { return passed ? 1 : 0 }
        return Double(checksPassed) / Double(checksTotal)
    }
}
