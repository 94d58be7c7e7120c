/// How a graded submission ended: the one word an instructor scans a report for.
public enum SubmissionStatus: String, Sendable, Codable, CaseIterable {
    /// Every check passed.
    case passed
    /// The code ran, but at least one check failed.
    case failed
    /// The code raised an uncaught exception, did not parse, or left a `____` blank.
    case error
    /// The sandbox stopped the code for running too long.
    case timeout
    /// The sandbox refused the code's memory use.
    case memory
    /// The run ended abnormally (for example, the grading worker died).
    case crashed

    /// Whether the status counts as a pass.
    public var isPass: Bool { self == .passed }

    /// Whether the code could not be judged on its results at all (JUnit calls this an error).
    public var isError: Bool {
        switch self {
        case .passed, .failed: return false
        case .error, .timeout, .memory, .crashed: return true
        }
    }
}
