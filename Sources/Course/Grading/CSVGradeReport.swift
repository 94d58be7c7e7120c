import Foundation

/// The CSV grade report for spreadsheets: a row per learner, a column per exercise holding
/// that submission's score (empty when not submitted), then `passed` and `score`.
public enum CSVGradeReport {
    /// Renders the report as RFC 4180 CSV with CRLF line ends.
    public static func render(_ report: GradeReport) -> String {
        var rows = [["learner"] + report.exercises + ["passed", "score"]]
        for learner in report.learners {
            var row = [learner.learner]
            for exercise in report.exercises {
                row.append(learner.submission(for: exercise).map { number($0.score) } ?? "")
            }
            row.append(String(learner.passedCount))
            row.append(number(learner.score))
            rows.append(row)
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// A field quoted when it holds a comma, a quote or a line break (quotes doubled), and
    /// prefixed with `'` when it would start a spreadsheet formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
