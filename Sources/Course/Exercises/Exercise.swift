/// A code exercise: the learner writes course Python that the checks judge by its results.
/// The YAML schema is in docs/exercises.md.
public struct Exercise: Sendable, Equatable {
    /// Unique in the course; names the submission file `<id>.py` when grading a folder.
    public var id: String
    /// A short title for headers and reports.
    public var title: String
    /// What to do, shown before the starter code.
    public var instructions: String
    /// Bundled JSON datasets bound to variables before `setup` runs.
    public var datasets: [DatasetBinding]
    /// Hidden code that runs first, in the learner's namespace (what earlier exercises built).
    public var setup: String
    /// The code shown to the learner, with `____` blanks.
    public var starter: String
    /// The reference answer; must pass every check.
    public var solution: String
    /// Checks run in order; the first failure gives the feedback.
    public var checks: [ExerciseCheck]
    /// Progressive hints, each more specific than the last.
    public var hints: [String]
    /// Likely mistakes with the feedback each must produce.
    public var wrongExamples: [WrongExample]
    /// Sandbox limits for this exercise; `nil` keeps the interpreter's defaults.
    public var limits: ExerciseLimits?

    public init(
        id: String, title: String, instructions: String, datasets: [DatasetBinding] = [],
        setup: String = "", starter: String, solution: String, checks: [ExerciseCheck],
        hints: [String] = [], wrongExamples: [WrongExample] = [], limits: ExerciseLimits? = nil
    ) {
        self.id = id
        self.title = title
        self.instructions = instructions
        self.datasets = datasets
        self.setup = setup
        self.starter = starter
        self.solution = solution
        self.checks = checks
        self.hints = hints
        self.wrongExamples = wrongExamples
        self.limits = limits
    }
}

/// A variable bound to a bundled dataset (a JSON file in `Lessons/datasets/`).
public struct DatasetBinding: Sendable, Equatable {
    /// The Python variable that receives the parsed JSON.
    public var variable: String
    /// The file name inside `Lessons/datasets/`.
    public var file: String

    public init(variable: String, file: String) {
        self.variable = variable
        self.file = file
    }
}

/// A plausible wrong answer and the feedback the checks must give for it.
public struct WrongExample: Sendable, Equatable {
    /// The wrong code, run after the setup like a learner's.
    public var code: String
    /// Text that must appear in the feedback the engine produces.
    public var expectedFeedback: String
    /// Where the example starts in its lesson file, for `embedlings check` messages.
    public var line: Int?

    public init(code: String, expectedFeedback: String, line: Int? = nil) {
        self.code = code
        self.expectedFeedback = expectedFeedback
        self.line = line
    }
}

/// Per-exercise sandbox limits; a `nil` field keeps the interpreter's default.
public struct ExerciseLimits: Sendable, Equatable {
    /// Wall-clock seconds for one run.
    public var seconds: Double?
    /// Interpreter steps for one run.
    public var steps: Int?
    /// Memory budget in megabytes.
    public var memoryMB: Int?
    /// Characters of output kept.
    public var outputCharacters: Int?

    public init(seconds: Double? = nil, steps: Int? = nil, memoryMB: Int? = nil, outputCharacters: Int? = nil) {
        self.seconds = seconds
        self.steps = steps
        self.memoryMB = memoryMB
        self.outputCharacters = outputCharacters
    }
}
