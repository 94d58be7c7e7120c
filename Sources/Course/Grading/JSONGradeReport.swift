import Foundation

/// The JSON grade report, schema `embedlings-grade/1` (docs/exercises.md): per submission
/// passed, score, feedback and duration; per learner and overall, totals.
public enum JSONGradeReport {
    /// The value of the report's `format` field; bumped when the schema changes incompatibly.
    public static let formatName = "embedlings-grade/1"

    /// Renders the report as pretty-printed JSON with keys sorted, so output is stable.
    public static func render(_ report: GradeReport) -> String {
        let document = Document(
            format: formatName,
            learners: report.learners.map { learner in
                Learner(
                    learner: learner.learner,
                    passed: learner.passedCount,
                    total: learner.submissions.count,
                    score: rounded(learner.score),
                    exercises: learner.submissions.map { submission in
                        Submission(
                            exercise: submission.exercise,
                            file: submission.file,
                            passed: submission.passed,
                            status: submission.status.rawValue,
                            score: rounded(submission.score),
                            checksPassed: submission.checksPassed,
                            checksTotal: submission.checksTotal,
                            feedback: submission.feedback,
                            durationSeconds: rounded(submission.durationSeconds)
                        )
                    }
                )
            },
            totals: Totals(
                learners: report.learners.count,
                submissions: report.submissions.count,
                passed: report.passedCount,
                failed: report.failedCount,
                score: rounded(report.score),
                durationSeconds: rounded(report.durationSeconds)
            )
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else {
            return "{}"
        }
        return text
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }

    private struct Document: Encodable {
        var format: String
        var learners: [Learner]
        var totals: Totals
    }

    private struct Learner: Encodable {
        var learner: String
        var passed: Int
        var total: Int
        var score: Double
        var exercises: [Submission]
    }

    private struct Submission: Encodable {
        var exercise: String
        var file: String
        var passed: Bool
        var status: String
        var score: Double
        var checksPassed: Int
        var checksTotal: Int
        var feedback: String
        var durationSeconds: Double
    }

    private struct Totals: Encodable {
        var learners: Int
        var submissions: Int
        var passed: Int
        var failed: Int
        var score: Double
        var durationSeconds: Double
    }
}
