import Course
import CoursePython
import Foundation

/// The learner's side of a code exercise at the course prompt: each entry runs at once in
/// the exercise's namespace (output shown as it is printed, errors as tracebacks), and the
/// exercise completes as soon as its checks pass. Also serves `:check :code :edit :reset
/// :solution` for the session.
final class ExerciseSession {
    let exercise: Exercise
    private let environment: ExerciseEnvironment
    private let screen: Screen
    private var workspace: ExerciseWorkspace
    private let solution: SolutionSnapshot
    /// Checks that failed when the learner asked (`:check`, or an `:edit` run); `:solution`
    /// needs at least one.
    private(set) var failedChecks = 0

    init(exercise: Exercise, environment: ExerciseEnvironment, screen: Screen) throws(ExerciseSetupError) {
        self.exercise = exercise
        self.environment = environment
        self.screen = screen
        workspace = try ExerciseWorkspace(exercise: exercise, environment: environment)
        solution = try SolutionSnapshot(exercise: exercise, environment: environment)
    }

    /// The judgement of the code entered so far.
    var outcome: CheckOutcome {
        CheckEngine.judge(exercise, code: workspace.code, learner: workspace.checkable, solution: solution)
    }

    /// How one entry's run ended.
    enum RunOutcome {
        /// The exercise's checks now all pass.
        case passed
        /// It ran (or raised), and the checks do not all pass yet.
        case notYet
        /// Ctrl-C stopped it: nothing is judged and no attempt is counted.
        case stopped
    }

    /// Runs one entry; Ctrl-C stops it (and only it) and returns to the prompt.
    func run(_ code: String) -> RunOutcome {
        if let blank = BlankFinder.feedback(for: code) {
            screen.paragraph(blank.replacingOccurrences(of: "on line 1", with: "in that line"), decorate: screen.style.warning)
            return .notYet
        }
        let (result, interrupted) = InterruptKey.stopsRuns {
            workspace.run(code) { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        if interrupted {
            screen.line()
            screen.line(screen.style.warning(StoppedRun.message))
            return .stopped
        }
        if let error = result.error {
            let traceback = error.traceback.hasSuffix("\n") ? String(error.traceback.dropLast()) : error.traceback
            screen.line(screen.style.failure(traceback))
        }
        return outcome.passed ? .passed : .notYet
    }

    /// `:check`: the first failing check's feedback, or the good news.
    func check() -> Bool {
        let verdict = outcome
        if verdict.passed { return true }
        failedChecks += 1
        screen.line(screen.style.failure("✗ Not yet (\(verdict.checksPassed) of \(verdict.checksTotal) checks pass)."))
        screen.paragraph(verdict.feedback)
        return false
    }

    /// `:code`: what has been entered so far.
    func showCode() {
        guard !workspace.enteredCode.isEmpty else {
            screen.line(screen.style.dim("Nothing entered yet. The starter code:"))
            ExerciseRenderer(screen: screen).code(exercise.starter)
            return
        }
        ExerciseRenderer(screen: screen).code(workspace.code)
    }

    /// `:reset`: a fresh namespace, as if the exercise had just started.
    func reset() throws(ExerciseSetupError) {
        workspace = try ExerciseWorkspace(exercise: exercise, environment: environment)
    }

    /// `:edit`: opens `$VISUAL` or `$EDITOR` on the current code (or the starter), then runs
    /// the saved file from a fresh namespace. Returns true when the checks then pass.
    func edit(environment variables: [String: String] = ProcessInfo.processInfo.environment) throws(ExerciseSetupError) -> Bool {
        guard let editor = [variables["VISUAL"], variables["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            screen.paragraph("Set $EDITOR (or $VISUAL) to your editor first, for example: export EDITOR=nano", decorate: screen.style.warning)
            return false
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-\(exercise.id)-\(UUID().uuidString).py")
        defer { try? FileManager.default.removeItem(at: file) }
        let initial = workspace.enteredCode.isEmpty ? exercise.starter : workspace.code
        do {
            try initial.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(editor) \"$1\"", "editor", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                screen.paragraph("The editor exited with status \(process.terminationStatus); nothing was run.", decorate: screen.style.warning)
                return false
            }
        } catch {
            screen.paragraph("Could not start the editor `\(editor)`: \(error.localizedDescription)", decorate: screen.style.warning)
            return false
        }
        guard let code = try? String(contentsOf: file, encoding: .utf8) else {
            screen.paragraph("Could not read the edited file back; nothing was run.", decorate: screen.style.warning)
            return false
        }
        try reset()
        switch run(code) {
        case .passed: return true
        case .stopped: return false
        case .notYet: return check()
        }
    }

    /// The same exercise set up again in `environment` (another endpoint), with the learner's
    /// entries run again, quietly, so their names are back. The attempt (what `:solution`
    /// needs) carries over. Returns the new session and how many entries raised this time.
    func reopened(in environment: ExerciseEnvironment) throws(ExerciseSetupError) -> (session: ExerciseSession, failedEntries: Int) {
        let session = try ExerciseSession(exercise: exercise, environment: environment, screen: screen)
        session.failedChecks = failedChecks
        var failedEntries = 0
        for entry in workspace.enteredCode where session.workspace.run(entry).error != nil {
            failedEntries += 1
        }
        return (session, failedEntries)
    }

    /// The learner's entries so far.
    var enteredEntryCount: Int { workspace.enteredCode.count }

    /// `:solution`: the reference answer, once the learner has tried (nil before that).
    var solutionText: String? {
        failedChecks > 0 ? exercise.solution : nil
    }

    /// Completions of names and attributes in the exercise's namespace.
    func completions(for text: String) -> [String] {
        workspace.completions(for: text)
    }
}
