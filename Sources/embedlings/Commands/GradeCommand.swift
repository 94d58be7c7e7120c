import ArgumentParser
import Course
import Foundation

/// `embedlings grade`: instructors grade submissions in the sandbox, each file in a worker
/// process of its own so that nothing one submission does (a crash included) stops the batch.
struct GradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade learners' code: files for one exercise, or a folder with a sub-folder per learner.",
        discussion: """
        embedlings grade --exercise creating-embeddings alice.py bob.py
        embedlings grade submissions/          (submissions/<learner>/<exercise-id>.py)
        Each file runs after the exercise's setup, as if typed at the prompt, in the sandbox.
        Exits 0 when every submission passed, 1 when any failed, 2 on usage errors.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Grade the FILEs as answers to this exercise.", valueName: "ID"))
    var exercise: String?

    @Option(help: "Report format: text, json, junit or csv.")
    var format: ReportFormatArgument = .text

    @Option(help: ArgumentHelp("Submissions graded at once (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Submission files (with --exercise), or one folder of learner folders.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the submissions: files with --exercise ID, or a folder") }
        if exercise == nil && paths.count != 1 { throw ValidationError("without --exercise, give exactly one folder of learner folders") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let course = try ExerciseEnvironmentOptions.course()
        _ = try ExerciseEnvironmentOptions.environment(global)
        let exercises = course.lessons.flatMap(\.steps).compactMap(\.exercise)
        let ids = exercises.map(\.id)
        let work: [GradingJob]
        do {
            if let exercise {
                work = try SubmissionDiscovery.jobs(exercise: exercise, files: paths, knownExercises: ids)
            } else {
                let found = try SubmissionDiscovery.jobs(folder: paths[0], knownExercises: ids)
                for file in found.ignored {
                    Screen.error("embedlings: ignoring \(file): its name is not <exercise-id>.py")
                }
                work = found.jobs
            }
        } catch {
            throw CommandFailure.input(error.description)
        }
        let seconds = Dictionary(uniqueKeysWithValues: exercises.map { ($0.id, $0.limits?.seconds ?? 2) })
        let worker = GradeWorkerLauncher(passThrough: global.passThroughArguments)
        let report = await GradingBatch.run(work, exercises: ids, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { job in
            await worker.grade(job, runSeconds: seconds[job.exercise] ?? 2)
        }
        FileHandle.standardOutput.write(Data(format.format.render(report).utf8))
        if !report.allPassed { throw ExitCode(1) }
    }
}

/// `--format` values.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, csv

    var format: GradeReportFormat {
        switch self {
        case .text: return .text
        case .json: return .json
        case .junit: return .junit
        case .csv: return .csv
        }
    }
}
