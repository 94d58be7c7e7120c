/// Why the progress log could not be read or written, with the path, so the learner can fix it.
public struct ProgressLogError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot use the progress log \(path): \(reason)" }
}
