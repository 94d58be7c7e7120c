import ArgumentParser
import Course
import Foundation

/// `embedlings check [--json]`: the course tests itself, for lesson authors and CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prove that every lesson works: solutions pass, starters and wrong examples fail, quizzes have valid answers.",
        discussion: "Exits 0 when everything holds, 1 when anything does not, 2 when a lesson file cannot be loaded."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    func run() throws {
        let course = try ExerciseEnvironmentOptions.course()
        let environment = try ExerciseEnvironmentOptions.environment(global)
        let screen = Screen(style: Style.detect(noColorFlag: global.noColor))
        let report = CourseSelfCheck.run(course, environment: environment)
        if json {
            try JSONOutput.print(Output(passed: report.passed, results: report.results))
        } else {
            render(report, course: course, screen: screen)
        }
        if !report.passed {
            throw ExitCode(1)
        }
    }

    private func render(_ report: SelfCheckReport, course: Course, screen: Screen) {
        let style = screen.style
        for lesson in course.lessons {
            let results = report.results.filter { $0.lesson == lesson.id }
            let failed = results.filter { !$0.passed }
            let mark = failed.isEmpty ? style.success("ok  ") : style.failure("FAIL")
            screen.line("\(mark) \(lesson.id) (\(results.count - failed.count)/\(results.count) checks)")
            for failure in failed {
                screen.paragraph("\(lesson.id)/\(failure.step): \(failure.check): \(failure.message)", indent: "     ")
            }
        }
        let failures = report.failures.count
        let summary = "\(report.results.count - failures) of \(report.results.count) checks hold"
        screen.line(failures == 0 ? style.success(summary + ".") : style.failure(summary + "; \(failures) failed."))
    }

    private struct Output: Encodable {
        var passed: Bool
        var results: [SelfCheckResult]
    }
}
