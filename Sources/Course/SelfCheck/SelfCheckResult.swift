/// One thing `embedlings check` proved or failed to prove about a lesson step.
public struct SelfCheckResult: Sendable, Equatable, Codable {
    /// The lesson's id.
    public var lesson: String
    /// The step's id.
    public var step: String
    /// What was checked, e.g. "the solution passes" or "wrong example 2 gets its feedback".
    public var check: String
    /// Whether it held.
    public var passed: Bool
    /// Why it failed, in words a lesson author can act on; empty when it passed.
    public var message: String

    public init(lesson: String, step: String, check: String, passed: Bool, message: String = "") {
        self.lesson = lesson
        self.step = step
        self.check = check
        self.passed = passed
        self.message = message
    }
}

/// Everything `embedlings check` found.
public struct SelfCheckReport: Sendable, Equatable {
    public var results: [SelfCheckResult]

    public init(results: [SelfCheckResult]) {
        self.results = results
    }

    /// Whether every check held: the command's exit status.
    public var passed: Bool { results.allSatisfy(\.passed) }

    /// The results that did not hold.
    public var failures: [SelfCheckResult] { results.filter { !$0.passed } }
}
