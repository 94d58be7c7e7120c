import Course
import CoursePython

/// The course session's handling of code exercise steps (docs/exercises.md): code entries,
/// and the `:check :code :edit :reset :solution` commands.
extension CourseSession {
    /// Opens the current step's exercise, or closes the previous one when this step is not one.
    func openExercise() {
        guard let exercise = step.exercise else {
            exerciseSession = nil
            return
        }
        // Setting up runs the reference solution, which may wait on the endpoint: Ctrl-C stops that too.
        let (made, interrupted) = InterruptKey.stopsRuns { [exerciseEnvironment, screen] in
            Result { () throws(ExerciseSetupError) -> ExerciseSession in
                try ExerciseSession(exercise: exercise, environment: exerciseEnvironment, screen: screen)
            }
        }
        if interrupted {
            exerciseSession = nil
            screen.line()
            screen.paragraph(StoppedRun.setupMessage, decorate: screen.style.warning)
            return
        }
        switch made {
        case .success(let session):
            exerciseSession = session
        case .failure(let error):
            exerciseSession = nil
            screen.paragraph("This exercise cannot run: \(error.message) Please report it; :skip moves on.", decorate: screen.style.failure)
        }
    }

    /// Runs a code entry; completes the exercise when its checks pass.
    func respondToCode(_ entry: String) throws(ProgressLogError) -> SessionOutcome? {
        guard let session = exerciseSession else {
            screen.paragraph("This exercise could not be set up; :skip moves on.", decorate: screen.style.warning)
            return nil
        }
        if entry.isEmpty {
            if lessonProgress.doneSteps.contains(step.id) { return try advance() }
            return nil
        }
        let outcome = session.run(entry)
        if outcome == .stopped { return nil }
        try record(.codeSubmitted, correct: outcome == .passed, code: entry)
        return outcome == .passed ? try complete(session) : nil
    }

    /// The exercise commands; each explains itself when the step is not an exercise.
    func performExerciseCommand(_ command: ReplCommand) throws(ProgressLogError) -> SessionOutcome? {
        guard let session = exerciseSession else {
            screen.line(screen.style.dim("That command is for code exercises; this step is not one."))
            return nil
        }
        switch command {
        case .check:
            if session.check() { return try complete(session) }
            let hintsLeft = (lessonProgress.hintsShown[step.id] ?? 0) < session.exercise.hints.count
            screen.line(screen.style.dim(hintsLeft ? "Keep going, or type :hint for a hint." : "Keep going, or :solution to see one way to do it."))
        case .code:
            session.showCode()
        case .edit:
            let solved: Bool
            do {
                solved = try session.edit()
            } catch {
                screen.paragraph(error.description, decorate: screen.style.failure)
                return nil
            }
            if solved { return try complete(session) }
        case .reset:
            do {
                try session.reset()
                screen.line(screen.style.dim("Started over: the namespace is as it was when the exercise began."))
                ExerciseRenderer(screen: screen).code(session.exercise.starter)
            } catch {
                screen.paragraph(error.description, decorate: screen.style.failure)
            }
        case .solution:
            guard let solution = session.solutionText else {
                screen.paragraph("Try it first: the solution opens after a :check that does not pass yet.", decorate: screen.style.dim)
                return nil
            }
            try record(.solutionShown)
            screen.line("One way to solve it:")
            ExerciseRenderer(screen: screen).code(solution)
        default:
            return nil
        }
        return nil
    }

    private func complete(_ session: ExerciseSession) throws(ProgressLogError) -> SessionOutcome? {
        let total = session.exercise.checks.count
        screen.line(screen.style.success("✓ Exercise solved: all \(total) checks pass."))
        try record(.stepDone)
        return try advance()
    }
}
