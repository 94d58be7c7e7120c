import ArgumentParser
import Course

/// `embedlings progress [--json]`: what is done, attempts, hints used.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Summarise your progress: steps done, answers given, hints used.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    func run() throws {
        let environment = try CourseEnvironment(options: global)
        let report = ProgressReport(course: environment.course, state: environment.state)
        if json {
            try JSONOutput.print(report)
        } else {
            ReportPrinter(screen: Screen(style: Style.detect(noColorFlag: global.noColor))).progress(report)
        }
    }
}
