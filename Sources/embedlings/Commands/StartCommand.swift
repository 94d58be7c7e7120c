import ArgumentParser
import Course
import Foundation
import LineEditor

/// `embedlings start [LESSON]` (and plain `embedlings`): start or resume the course.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start or resume the course (the default command).",
        discussion: "Without LESSON, continues exactly where you left off."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A lesson id or number to start at.", valueName: "LESSON"))
    var lesson: String?

    func run() throws {
        let environment = try CourseEnvironment(options: global)
        let screen = Screen(style: Style.detect(noColorFlag: global.noColor))
        guard let (lessonIndex, stepIndex) = try startingPoint(environment) else {
            screen.paragraph("You have finished every lesson. `embedlings start LESSON` revisits one; `embedlings reset` starts over.")
            return
        }
        let editor = LineEditor(prompt: "> ", continuationPrompt: "... ",
                                continuationRule: ContinuationRules.pythonBlocksClosedByEmptyLine,
                                historyFile: environment.dataDirectory.historyFile)
        if editor.isInteractive {
            // Ctrl-C is a key while editing (it clears the line); a stray one while text is being
            // drawn must not kill the session either. While exercise code runs, InterruptKey
            // lets it stop that run instead (ExerciseSession.run). Ctrl-D and :quit are the ways out.
            signal(SIGINT, SIG_IGN)
        }
        let session = CourseSession(course: environment.course, log: environment.log, state: environment.state,
                                    screen: screen, editor: editor, lessonIndex: lessonIndex, stepIndex: stepIndex,
                                    endpoint: try SessionEndpoint(options: global))
        do {
            _ = try session.run()
        } catch {
            throw CommandFailure.input(error.description)
        }
    }

    /// Where to begin: the named lesson (resuming inside it when it is in progress), else the
    /// exact step last shown, else the first unfinished lesson. Nil when everything is done.
    private func startingPoint(_ environment: CourseEnvironment) throws(CommandFailure) -> (Int, Int)? {
        let course = environment.course
        let state = environment.state
        func resumeStep(in index: Int) -> Int {
            let progress = state.lesson(course.lessons[index].id)
            guard !progress.completed, let current = progress.currentStep else { return 0 }
            return course.lessons[index].stepIndex(id: current) ?? 0
        }
        if let lesson {
            let index = try environment.lessonIndex(lesson)
            return (index, resumeStep(in: index))
        }
        if let current = state.currentLesson, let index = course.lessonIndex(id: current), !state.lesson(current).completed {
            return (index, resumeStep(in: index))
        }
        guard let next = course.lessons.firstIndex(where: { !state.lesson($0.id).completed }) else { return nil }
        return (next, resumeStep(in: next))
    }
}
