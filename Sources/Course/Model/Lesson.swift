/// One lesson: an ordered list of steps read from one YAML file.
public struct Lesson: Sendable {
    /// Stable identifier, also the file name (`lessons/<id>.yaml`) and the key in the progress log.
    public let id: String
    /// The title shown in the header and in `lessons`.
    public let title: String
    /// One sentence saying what the learner will get out of the lesson.
    public let summary: String
    /// The steps in order.
    public let steps: [Step]

    public init(id: String, title: String, summary: String, steps: [Step]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.steps = steps
    }

    /// The position (0-based) of the step with this id, if there is one.
    public func stepIndex(id: String) -> Int? {
        steps.firstIndex { $0.id == id }
    }
}
