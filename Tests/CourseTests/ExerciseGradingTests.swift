import CoursePython
import Foundation
import Testing
@testable import Course

/// An exercise on plain Python (no endpoint needed): a helper that scales a vector to length 1.
private let normalizeExercise = Exercise(
    id: "normalize",
    title: "Unit vectors",
    instructions: "Write `normalize(v)` and use it on `raw`.",
    setup: "raw = [3.0, 4.0]\n",
    starter: "def normalize(v):\n    length = ____\n    return [x / length for x in v]\nunit = normalize(raw)\n",
    solution: "def normalize(v):\n    length = sum(x * x for x in v) ** 0.5\n    return [x / length for x in v]\nunit = normalize(raw)\nprint(unit)\n",
    checks: [
        ExerciseCheck(.noError),
        ExerciseCheck(.type(target: .name("normalize"), typeName: "function", advice: [:])),
        ExerciseCheck(.called(function: "normalize", keywordArguments: [], positionalArguments: [.list([.double(3), .double(4)])], times: nil)),
        ExerciseCheck(.equals(target: .name("unit"), tolerance: 1e-9)),
        ExerciseCheck(.vector(target: .expression("normalize([1.0, 1.0, 1.0])"), dimension: 3, unitNorm: true, minimumCosineToSolution: 0.999)),
        ExerciseCheck(.output(.contains("0.6"))),
    ],
    limits: ExerciseLimits(seconds: 1)
)

private let environment = ExerciseEnvironment(modules: { ModuleRegistry() })

/// Judges on a thread of its own, as every caller in async code must (see `DedicatedThread`).
private func judge(_ code: String) async throws -> CheckOutcome {
    try await DedicatedThread.run {
        Result { () throws(ExerciseSetupError) in try ExerciseGrader(exercise: normalizeExercise, environment: environment).judge(code) }
    }.get()
}

@Test("a different but correct program passes every check: results are compared, not code")
func anyCorrectSolutionPasses() async throws {
    let outcome = try await judge("""
    def normalize(values):
        total = 0
        for v in values:
            total += v * v
        n = total ** 0.5
        return [v / n for v in values]
    unit = normalize(raw)
    print("unit:", unit)
    """)
    #expect(outcome.passed, "\(outcome.feedback)")
    #expect(outcome.checksPassed == 6 && outcome.status == .passed)
}

@Test("the starter fails on its blank, naming the line")
func starterFailsOnBlank() async throws {
    let outcome = try await judge(normalizeExercise.starter)
    #expect(outcome.feedback == "You left a `____` blank on line 2. Replace it with your code.")
}

@Test("a wrong result is told apart from a missing one, in the learner's terms")
func wrongResults() async throws {
    let noNormalization = try await judge("def normalize(v):\n    return v\nunit = normalize(raw)\nprint(unit)\n")
    #expect(noNormalization.feedback == "`unit` differs from the expected value at `[0]`.")
    #expect(noNormalization.checksPassed == 3)

    let missing = try await judge("def normalize(v):\n    return v\n")
    #expect(missing.feedback == "Did you call `normalize`? It was not called.")

    let notAFunction = try await judge("normalize = [0.6, 0.8]\nunit = normalize\n")
    #expect(notAFunction.feedback == "Did you define `normalize`? It should be a function, but it is a list.")
}

@Test("an exception in the learner's code is named with its line, and checks that still hold count")
func exceptionsAreReported() async throws {
    let outcome = try await judge("def normalize(v):\n    return [x / 0 for x in v]\nunit = normalize(raw)\n")
    #expect(outcome.feedback == "Your code raised ZeroDivisionError on line 2: float division by zero")
    #expect(outcome.status == .error)
    #expect(outcome.checksPassed == 2, "the function exists and was called, though it failed")
}

@Test("an endless loop and a memory bomb are stopped by the sandbox and graded as such")
func sandboxStopsRunaways() async throws {
    let loop = try await judge("while True:\n    pass\n")
    #expect(loop.status == .timeout)
    #expect(loop.checksPassed == 0)
    let bomb = try await judge("x = [0] * 10**10\n")
    #expect(bomb.status == .memory)
}

@Test("grading a file reports the file, its duration and a readable failure for unreadable input")
func gradingFiles() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grading-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("good.py")
    try normalizeExercise.solution.write(to: good, atomically: true, encoding: .utf8)
    let binary = directory.appendingPathComponent("binary.py")
    try Data([0xFF, 0xFE, 0x00]).write(to: binary)
    let grader = try await DedicatedThread.run {
        Result { () throws(ExerciseSetupError) in try ExerciseGrader(exercise: normalizeExercise, environment: environment) }
    }.get()
    let passed = await DedicatedThread.run { grader.grade(GradingJob(learner: "good", exercise: "normalize", file: good.path)) }
    #expect(passed.passed && passed.score == 1 && passed.durationSeconds > 0)
    let unreadable = await DedicatedThread.run { grader.grade(GradingJob(learner: "binary", exercise: "normalize", file: binary.path)) }
    #expect(unreadable.status == .error && unreadable.feedback == "The file is not UTF-8 text.")
}

@Test("a broken setup is reported as the exercise's fault, with the traceback")
func brokenSetup() {
    var broken = normalizeExercise
    broken.setup = "raw = undefined_name\n"
    #expect {
        _ = try ExerciseGrader(exercise: broken, environment: environment)
    } throws: { error in
        (error as? ExerciseSetupError)?.message.contains("NameError: name 'undefined_name' is not defined") == true
    }
}
