import Course

/// Prints progress summaries for `lessons`, `progress`, `:lessons` and `:progress`.
struct ReportPrinter {
    let screen: Screen

    func lessons(_ report: ProgressReport) {
        let idWidth = report.lessons.map(\.id.count).max() ?? 0
        for line in report.lessons {
            let marker = line.id == report.currentLesson ? "▸" : " "
            let id = line.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            screen.line("\(marker) \(line.number). \(id)  \(line.title)  " + screen.style.dim(status(line)))
        }
    }

    func progress(_ report: ProgressReport) {
        for line in report.lessons {
            screen.line(screen.style.bold("\(line.number). \(line.title)") + "  " + screen.style.dim(status(line)))
            guard line.status != .notStarted else { continue }
            var details = "\(line.stepsDone) of \(line.steps) steps done"
            if line.stepsSkipped > 0 { details += ", \(line.stepsSkipped) skipped" }
            details += "; \(line.attempts) answer\(line.attempts == 1 ? "" : "s") given, \(line.hints) hint\(line.hints == 1 ? "" : "s") used"
            screen.paragraph(details, indent: "   ")
        }
        let done = report.lessons.filter { $0.status == .done }.count
        screen.line("\(done) of \(report.lessons.count) lessons done.")
    }

    private func status(_ line: ProgressReport.LessonLine) -> String {
        switch line.status {
        case .notStarted: return "not started"
        case .done: return "done"
        case .inProgress:
            return "in progress (\(line.stepsDone)/\(line.steps) steps)"
        }
    }
}
