import CoursePython
import Foundation

/// One attempt at an exercise: a fresh interpreter with the datasets bound and the hidden
/// setup already run, into which the learner's code is run (a statement at a time at the
/// prompt, or a whole file when grading). Calls are recorded from the learner's first line.
/// Not thread-safe: one workspace belongs to one session or one grading task.
public final class ExerciseWorkspace {
    /// The exercise being attempted.
    public let exercise: Exercise
    private let interpreter: Interpreter
    /// The learner's code so far, every entry that ran, in order (what `:code` shows).
    public private(set) var enteredCode: [String] = []
    /// Everything the learner's code printed so far.
    public private(set) var output = ""
    /// How the most recent entry failed, if it did.
    public private(set) var lastFailure: RunFailure?

    /// Name of the file in tracebacks of learner code.
    public static let filename = "<exercise>"

    /// Prepares the workspace: datasets, then the setup code. A broken setup is the author's
    /// error and is thrown as such.
    public init(exercise: Exercise, environment: ExerciseEnvironment) throws(ExerciseSetupError) {
        self.exercise = exercise
        interpreter = environment.makeInterpreter(limits: exercise.limits)
        for binding in exercise.datasets {
            interpreter[binding.variable] = try DatasetLoader.load(binding, from: environment.datasetsDirectory, exercise: exercise.id)
        }
        if !exercise.setup.isEmpty {
            let result = interpreter.run(exercise.setup, filename: "<setup>")
            if let error = result.error {
                throw ExerciseSetupError(exercise: exercise.id, message: "its setup code raised an error:\n\(error.traceback)")
            }
        }
        interpreter.clearCallRecords()
        interpreter.recordsCalls = true
    }

    /// Runs one entry of learner code in the exercise's namespace. Output goes to `echo` as it
    /// is printed when given (the REPL), and is kept for the output checks either way.
    @discardableResult
    public func run(_ code: String, echo: ((String) -> Void)? = nil) -> RunResult {
        let result = interpreter.run(code, filename: Self.filename) { [weak self] text in
            self?.output += text
            echo?(text)
        }
        output += result.output
        enteredCode.append(code)
        lastFailure = result.error.map(Self.failure)
        return result
    }

    /// All code entered so far, as one program.
    public var code: String {
        enteredCode.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
    }

    /// Completions for the text before the cursor (names and attributes in the namespace).
    public func completions(for text: String) -> [String] {
        interpreter.completions(for: text)
    }

    /// The run as the checks see it.
    public var checkable: some CheckableRun { InterpreterRun(workspace: self) }

    fileprivate var inspector: ValueInspector { ValueInspector(runtime: interpreter.runtime) }

    fileprivate func variable(_ name: String) -> InspectedValue? {
        interpreter[name].map(inspector.inspect)
    }

    fileprivate func evaluate(_ expression: String) -> ExpressionResult {
        let recording = interpreter.recordsCalls
        interpreter.recordsCalls = false
        defer { interpreter.recordsCalls = recording }
        do {
            return .value(inspector.inspect(try interpreter.evaluate(expression)))
        } catch {
            let message = (try? error.exception.str(runtime: interpreter.runtime)) ?? error.summary
            return .raised(type: error.typeName, message: message)
        }
    }

    fileprivate var calls: [RecordedCall] {
        interpreter.callRecords.map { record in
            RecordedCall(function: record.function,
                         positional: record.arguments.positional.map(inspector.inspect),
                         keywords: record.arguments.keywords.map { (name: $0.name, value: inspector.inspect($0.value)) })
        }
    }

    /// A Python error as the checks see it: a sandbox stop or an exception, with the line
    /// in the learner's code where it happened.
    static func failure(_ error: PythonError) -> RunFailure {
        let kind: RunFailure.Kind
        if error.isSandboxLimit {
            kind = error.summary.contains("output limit") ? .exception : .timeout
        } else if error.typeName == "MemoryError" {
            kind = .memory
        } else {
            kind = .exception
        }
        let line = error.exception.traceback.first { $0.filename == filename }?.line
            ?? error.exception.attributes["lineno"]?.intValue
        let message = error.summary.hasPrefix(error.typeName + ": ")
            ? String(error.summary.dropFirst(error.typeName.count + 2))
            : (error.summary == error.typeName ? "" : error.summary)
        return RunFailure(kind: kind, typeName: error.typeName, message: message, line: line, traceback: error.traceback)
    }
}

/// The checks' view of a workspace.
private struct InterpreterRun: CheckableRun {
    let workspace: ExerciseWorkspace

    func variable(_ name: String) -> InspectedValue? { workspace.variable(name) }
    func evaluate(_ expression: String) -> ExpressionResult { workspace.evaluate(expression) }
    var calls: [RecordedCall] { workspace.calls }
    var output: String { workspace.output }
    var failure: RunFailure? { workspace.lastFailure }
}
