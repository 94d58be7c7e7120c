/// The formats `embedlings grade --format` writes (docs/exercises.md describes each).
public enum GradeReportFormat: String, Sendable, CaseIterable {
    case text, json, junit, csv

    /// Renders a report in this format.
    public func render(_ report: GradeReport) -> String {
        switch self {
        case .text: return TextGradeReport.render(report)
        case .json: return JSONGradeReport.render(report)
        case .junit: return JUnitGradeReport.render(report)
        case .csv: return CSVGradeReport.render(report)
        }
    }
}
