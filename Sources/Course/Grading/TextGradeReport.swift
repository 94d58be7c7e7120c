import Foundation

/// The plain-text grade report for a terminal: a line per submission, then totals.
public enum TextGradeReport {
    /// Renders one `PASS`/`FAIL` line per submission with its score and feedback, then totals.
    public static func render(_ report: GradeReport) -> String {
        var lines: [String] = []
        for learner in report.learners {
            for submission in learner.submissions {
                let verdict = submission.passed ? "PASS" : "FAIL"
                var line = "\(verdict)  \(learner.learner)  \(submission.exercise)  "
                    + "\(submission.checksPassed)/\(submission.checksTotal) checks"
                if !submission.passed {
                    let firstLine = submission.feedback.split(separator: "\n", omittingEmptySubsequences: true).first
                    line += " (\(submission.status.rawValue))"
                    if let firstLine { line += " — \(firstLine)" }
                }
                lines.append(line)
            }
        }
        lines.append(
            "\(report.passedCount) of \(report.submissions.count) submissions passed, "
                + "\(report.learners.count) learner\(report.learners.count == 1 ? "" : "s"), "
                + "mean score \(String(format: "%.2f", report.score)), "
                + "\(String(format: "%.1f", report.durationSeconds)) s"
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
