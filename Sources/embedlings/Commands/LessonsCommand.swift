import ArgumentParser
import Course
import Foundation

/// `embedlings lessons [--json]`: the lessons in order, with progress.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons, with your progress.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    func run() throws {
        let environment = try CourseEnvironment(options: global)
        let report = ProgressReport(course: environment.course, state: environment.state)
        if json {
            try JSONOutput.print(report.lessons)
        } else {
            ReportPrinter(screen: Screen(style: Style.detect(noColorFlag: global.noColor))).lessons(report)
        }
    }
}
