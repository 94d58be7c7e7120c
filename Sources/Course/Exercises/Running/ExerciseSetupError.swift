/// The exercise itself is broken: a dataset is missing or its hidden setup code fails. This
/// is the lesson author's problem, reported as such, never blamed on the learner.
public struct ExerciseSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exercise's id.
    public var exercise: String
    /// What went wrong, with the traceback when the setup code raised.
    public var message: String

    public init(exercise: String, message: String) {
        self.exercise = exercise
        self.message = message
    }

    public var description: String {
        "exercise `\(exercise)` cannot be set up: \(message)"
    }
}
