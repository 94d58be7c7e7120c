import Foundation

/// Judges complete programs for one exercise: the solution is run once, then each program
/// runs after the setup, exactly as if typed at the prompt, and is checked against it.
public struct ExerciseGrader: Sendable {
    /// The exercise.
    public let exercise: Exercise
    /// The solution's results.
    public let solution: SolutionSnapshot
    private let environment: ExerciseEnvironment

    public init(exercise: Exercise, environment: ExerciseEnvironment) throws(ExerciseSetupError) {
        self.exercise = exercise
        self.environment = environment
        solution = try SolutionSnapshot(exercise: exercise, environment: environment)
    }

    /// Runs `code` in a fresh workspace and judges it.
    public func judge(_ code: String) throws(ExerciseSetupError) -> CheckOutcome {
        let workspace = try ExerciseWorkspace(exercise: exercise, environment: environment)
        if BlankFinder.feedback(for: code) == nil {
            workspace.run(code)
        }
        return CheckEngine.judge(exercise, code: code, learner: workspace.checkable, solution: solution)
    }

    /// Grades one submission file, turning every way it can go wrong into that submission's grade.
    public func grade(_ job: GradingJob) -> SubmissionGrade {
        let started = Date()
        func grade(_ status: SubmissionStatus, _ feedback: String, passed: Int = 0) -> SubmissionGrade {
            SubmissionGrade(exercise: exercise.id, file: job.file, status: status, checksPassed: passed,
                            checksTotal: exercise.checks.count, feedback: feedback, durationSeconds: Date().timeIntervalSince(started))
        }
        guard let data = FileManager.default.contents(atPath: job.file) else {
            return grade(.error, "The file could not be read.")
        }
        guard let code = String(data: data, encoding: .utf8) else {
            return grade(.error, "The file is not UTF-8 text.")
        }
        do {
            let outcome = try judge(code)
            return grade(outcome.status, outcome.feedback, passed: outcome.checksPassed)
        } catch {
            return grade(.crashed, error.description)
        }
    }
}
