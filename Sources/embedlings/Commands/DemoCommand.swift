import ArgumentParser
import Course
import LineEditor

/// `embedlings demo LESSON`: instructors play a lesson with its solutions, for a projector.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a lesson with its solutions typed out, run, and checked (for a class).",
        discussion: "On a terminal, space pauses and resumes and n skips ahead; otherwise the whole transcript is printed at once."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A lesson id or number.", valueName: "LESSON"))
    var lesson: String

    @Option(name: .customLong("pace-ms"), help: ArgumentHelp("Milliseconds per typed character on a terminal.", valueName: "N"))
    var paceMilliseconds = 35

    func run() throws {
        let course = try ExerciseEnvironmentOptions.course()
        guard let index = course.lessonIndex(matching: lesson) else {
            let known = course.lessons.map(\.id).joined(separator: ", ")
            throw CommandFailure.input("no lesson `\(lesson)`; the lessons are: \(known) (or their numbers 1–\(course.lessons.count))")
        }
        let environment = try ExerciseEnvironmentOptions.environment(global)
        let interactive = TerminalInfo.isTerminal(0) && TerminalInfo.isTerminal(1)
        let keyboard = DemoKeyboard(enabled: interactive)
        defer { keyboard.close() }
        let player = DemoPlayer(
            course: course, lessonIndex: index, environment: environment,
            screen: Screen(style: Style.detect(noColorFlag: global.noColor)), keyboard: keyboard,
            typingDelay: interactive ? Double(max(0, paceMilliseconds)) / 1000 : 0,
            stepPause: interactive ? 1.5 : 0
        )
        if !player.play() { throw ExitCode(1) }
    }
}
