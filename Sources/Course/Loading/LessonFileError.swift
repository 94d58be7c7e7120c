/// A problem in a lesson file or the course manifest, located so an author can jump to it:
/// printed as `file:line: what is wrong`.
public struct LessonFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the author knows it (`lessons/what-are-embeddings.yaml`).
    public let file: String
    /// 1-based line number, or nil when the problem concerns the whole file.
    public let line: Int?
    /// What is wrong, phrased so the author knows what to change.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
