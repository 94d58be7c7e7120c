import ArgumentParser
import Course
import Foundation

/// `embedlings reset [LESSON] [--yes]`: forget progress for one lesson or the whole course.
/// The log stays append-only: a reset is one more event, so nothing earlier is rewritten.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget your progress in one lesson, or in the whole course.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A lesson id or number; without it, the whole course is reset.", valueName: "LESSON"))
    var lesson: String?

    @Flag(name: [.long, .short], help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let environment = try CourseEnvironment(options: global)
        var lessonID: String?
        var what = "the whole course"
        if let lesson {
            let index = try environment.lessonIndex(lesson)
            lessonID = environment.course.lessons[index].id
            what = "lesson \(index + 1) (\(environment.course.lessons[index].id))"
        }
        if !yes {
            FileHandle.standardOutput.write(Data("Reset your progress in \(what)? This cannot be undone. [y/N] ".utf8))
            guard let answer = readLine() else {
                throw CommandFailure.input("reset needs a confirmation: answer y, or pass --yes")
            }
            guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                print("Nothing was reset.")
                return
            }
        }
        try environment.record(ProgressEvent(kind: .reset, lesson: lessonID))
        print("Progress in \(what) was reset.")
    }
}
