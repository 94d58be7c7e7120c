/// What the solution computed, captured once so that many learners' runs (on many threads)
/// can be compared with it: the value of every target the checks compare, and its output.
public struct SolutionSnapshot: CheckableRun, Sendable {
    private var variables: [String: InspectedValue]
    private var expressions: [String: ExpressionResult]
    public var calls: [RecordedCall]
    public var output: String
    public var failure: RunFailure?

    /// Runs the exercise's solution after its setup and captures what the checks need.
    public init(exercise: Exercise, environment: ExerciseEnvironment) throws(ExerciseSetupError) {
        let workspace = try ExerciseWorkspace(exercise: exercise, environment: environment)
        workspace.run(exercise.solution)
        let run = workspace.checkable
        variables = [:]
        expressions = [:]
        for check in exercise.checks {
            for target in Self.targets(of: check.kind) {
                switch target {
                case .name(let name): variables[name] = run.variable(name)
                case .expression(let expression): expressions[expression] = run.evaluate(expression)
                }
            }
        }
        calls = run.calls
        output = run.output
        failure = run.failure
    }

    public func variable(_ name: String) -> InspectedValue? { variables[name] }

    public func evaluate(_ expression: String) -> ExpressionResult {
        expressions[expression] ?? .raised(type: "NameError", message: "`\(expression)` was not captured from the solution")
    }

    /// The targets whose solution values a check compares with.
    private static func targets(of kind: ExerciseCheck.Kind) -> [CheckTarget] {
        switch kind {
        case .equals(let target, _), .topK(let target, _, _): return [target]
        case .vector(let target, _, _, let cosine): return cosine == nil ? [] : [target]
        case .noError, .defined, .type, .called, .output, .holds: return []
        }
    }
}
