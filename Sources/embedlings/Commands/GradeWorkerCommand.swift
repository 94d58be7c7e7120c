import ArgumentParser
import Course
import Foundation

/// `embedlings grade-worker` (hidden): grades one file and prints its grade as JSON. The grade
/// command runs one of these per submission, so that a submission can only ever take down
/// its own process.
struct GradeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-worker",
        abstract: "Grade one submission and print its grade as JSON (used by `grade`).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    @Option var exercise: String

    @Argument var file: String

    func run() throws {
        let course = try ExerciseEnvironmentOptions.course()
        guard let target = course.lessons.flatMap(\.steps).compactMap(\.exercise).first(where: { $0.id == exercise }) else {
            throw CommandFailure.input("there is no exercise `\(exercise)`")
        }
        let environment = try ExerciseEnvironmentOptions.environment(global)
        let grade: SubmissionGrade
        do {
            grade = try ExerciseGrader(exercise: target, environment: environment)
                .grade(GradingJob(learner: "", exercise: exercise, file: file))
        } catch {
            grade = SubmissionGrade(exercise: exercise, file: file, status: .crashed, checksPassed: 0,
                                    checksTotal: target.checks.count, feedback: error.description, durationSeconds: 0)
        }
        let data = try JSONEncoder().encode(grade)
        FileHandle.standardOutput.write(data)
    }
}
