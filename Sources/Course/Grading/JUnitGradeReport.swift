/// The JUnit XML grade report that CI dashboards read: a test suite per learner, a test
/// case per submission, `<failure>` for failed checks and `<error>` for code that could not
/// be judged (exception, timeout, memory, crash).
public enum JUnitGradeReport {
    /// Renders the report as a JUnit `<testsuites>` document.
    public static func render(_ report: GradeReport) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let errors = report.submissions.filter { $0.status.isError }.count
        lines.append(
            "<testsuites name=\"embedlings grade\" tests=\"\(report.submissions.count)\" "
                + "failures=\"\(report.failedCount - errors)\" errors=\"\(errors)\" "
                + "time=\"\(seconds(report.durationSeconds))\">"
        )
        for learner in report.learners {
            let learnerErrors = learner.submissions.filter { $0.status.isError }.count
            let learnerFailures = learner.submissions.count - learner.passedCount - learnerErrors
            let learnerTime = learner.submissions.map(\.durationSeconds).reduce(0, +)
            lines.append(
                "  <testsuite name=\"\(XMLText.escaped(learner.learner))\" tests=\"\(learner.submissions.count)\" "
                    + "failures=\"\(learnerFailures)\" errors=\"\(learnerErrors)\" time=\"\(seconds(learnerTime))\">"
            )
            for submission in learner.submissions {
                let opening = "    <testcase classname=\"\(XMLText.escaped(learner.learner))\" "
                    + "name=\"\(XMLText.escaped(submission.exercise))\" "
                    + "file=\"\(XMLText.escaped(submission.file))\" time=\"\(seconds(submission.durationSeconds))\""
                if submission.passed {
                    lines.append(opening + "/>")
                    continue
                }
                lines.append(opening + ">")
                let message = XMLText.escaped(submission.feedback)
                if submission.status.isError {
                    lines.append("      <error type=\"\(submission.status.rawValue)\" message=\"\(message)\">\(message)</error>")
                } else {
                    let body = "\(submission.checksPassed) of \(submission.checksTotal) checks passed. \(submission.feedback)"
                    lines.append("      <failure type=\"check\" message=\"\(message)\">\(XMLText.escaped(body))</failure>")
                }
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
