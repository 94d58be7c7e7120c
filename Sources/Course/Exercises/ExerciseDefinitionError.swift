/// A mistake in an exercise's YAML, with the line it is on, so a lesson author can fix it.
public struct ExerciseDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line in the lesson file, when known.
    public var line: Int?
    /// What is wrong, in words an author can act on.
    public var message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return message }
        return "line \(line): \(message)"
    }
}
