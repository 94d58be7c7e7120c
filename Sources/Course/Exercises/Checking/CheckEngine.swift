/// Runs an exercise's checks on a learner's run, comparing with the solution's run, and
/// composes feedback the way a tutor would put it. Checks compare results, not code text.
public enum CheckEngine {
    /// Judges `learner` (the run of `code` after the setup) against `solution`.
    /// Every check is evaluated so that the score counts them all; the feedback is the first
    /// failure's. A `____` left in the code, or a run the sandbox stopped, fails everything.
    public static func judge(_ exercise: Exercise, code: String, learner: some CheckableRun, solution: some CheckableRun) -> CheckOutcome {
        let total = exercise.checks.count
        if let blank = BlankFinder.feedback(for: code) {
            return CheckOutcome(passed: false, feedback: blank, checksPassed: 0, checksTotal: total, status: .error)
        }
        if let failure = learner.failure, failure.kind != .exception {
            return CheckOutcome(passed: false, feedback: failure.summary, checksPassed: 0, checksTotal: total,
                                status: failure.kind == .timeout ? .timeout : .memory)
        }
        var passedCount = 0
        var firstFeedback: String?
        for check in exercise.checks {
            if let problem = CheckEvaluator.problem(with: check.kind, learner: learner, solution: solution) {
                if firstFeedback == nil { firstFeedback = check.feedback ?? problem }
            } else {
                passedCount += 1
            }
        }
        if let firstFeedback {
            let status: SubmissionStatus = learner.failure == nil ? .failed : .error
            return CheckOutcome(passed: false, feedback: firstFeedback, checksPassed: passedCount, checksTotal: total, status: status)
        }
        if let failure = learner.failure {
            return CheckOutcome(passed: false, feedback: failure.summary, checksPassed: passedCount, checksTotal: total, status: .error)
        }
        return CheckOutcome(passed: true, feedback: "", checksPassed: passedCount, checksTotal: total, status: .passed)
    }
}
