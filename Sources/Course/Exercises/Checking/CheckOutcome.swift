/// What the checks concluded about one run.
public struct CheckOutcome: Sendable, Equatable {
    /// Whether every check passed.
    public var passed: Bool
    /// The tutor's message about the first failing check; empty when everything passed.
    public var feedback: String
    /// Checks that passed.
    public var checksPassed: Int
    /// Checks the exercise has.
    public var checksTotal: Int
    /// The status for grade reports.
    public var status: SubmissionStatus

    public init(passed: Bool, feedback: String, checksPassed: Int, checksTotal: Int, status: SubmissionStatus) {
        self.passed = passed
        self.feedback = feedback
        self.checksPassed = checksPassed
        self.checksTotal = checksTotal
        self.status = status
    }
}
