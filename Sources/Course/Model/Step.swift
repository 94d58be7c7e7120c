/// One step of a lesson: something to read, or a question to answer.
public struct Step: Sendable {
    /// Identifier, unique within its lesson; the progress log refers to steps by it.
    public let id: String
    /// What the step shows and, for questions, how answers are checked.
    public let content: StepContent

    public init(id: String, content: StepContent) {
        self.id = id
        self.content = content
    }

    /// The question this step asks, or nil for reading steps.
    public var question: Question? {
        if case .question(let question) = content { return question }
        return nil
    }

    /// The code exercise this step holds, or nil for other steps.
    public var exercise: Exercise? {
        if case .exercise(let exercise) = content { return exercise }
        return nil
    }
}
