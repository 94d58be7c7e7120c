/// What the check engine needs from a finished run of code (setup plus the learner's code, or
/// setup plus the solution): its namespace, its calls, its output and how it ended.
public protocol CheckableRun {
    /// The value bound to `name`, or `nil` when the name is not defined.
    func variable(_ name: String) -> InspectedValue?
    /// Evaluates an expression in the run's namespace.
    func evaluate(_ expression: String) -> ExpressionResult
    /// Every call the code made to a recorded function, in order.
    var calls: [RecordedCall] { get }
    /// What the code printed.
    var output: String { get }
    /// How the code failed, or `nil` when it ran to the end.
    var failure: RunFailure? { get }
}

/// The result of evaluating a check's expression.
public enum ExpressionResult: Sendable, Equatable {
    case value(InspectedValue)
    /// The expression raised: the exception's type name and message.
    case raised(type: String, message: String)
}

/// One recorded call: the function as the code wrote it (`client.embeddings.create`) and the
/// arguments it received.
public struct RecordedCall: Sendable, Equatable {
    public var function: String
    public var positional: [InspectedValue]
    public var keywords: [(name: String, value: InspectedValue)]

    public init(function: String, positional: [InspectedValue], keywords: [(name: String, value: InspectedValue)]) {
        self.function = function
        self.positional = positional
        self.keywords = keywords
    }

    public static func == (lhs: RecordedCall, rhs: RecordedCall) -> Bool {
        lhs.function == rhs.function && lhs.positional == rhs.positional
            && lhs.keywords.map(\.name) == rhs.keywords.map(\.name) && lhs.keywords.map(\.value) == rhs.keywords.map(\.value)
    }

    /// The keyword argument's value, if passed.
    public func keyword(_ name: String) -> InspectedValue? {
        keywords.first { $0.name == name }?.value
    }
}

/// How a run of code ended early.
public struct RunFailure: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An uncaught exception (including SyntaxError).
        case exception
        /// The sandbox's time or step budget ran out.
        case timeout
        /// The sandbox refused the memory the code asked for.
        case memory
    }

    public var kind: Kind
    /// The exception's type name, e.g. `KeyError`.
    public var typeName: String
    /// The exception's message.
    public var message: String
    /// The line in the learner's code, when known.
    public var line: Int?
    /// The full traceback as the learner would see it.
    public var traceback: String

    public init(kind: Kind, typeName: String, message: String, line: Int?, traceback: String) {
        self.kind = kind
        self.typeName = typeName
        self.message = message
        self.line = line
        self.traceback = traceback
    }

    /// One sentence for feedback.
    public var summary: String {
        let place = line.map { " on line \($0)" } ?? ""
        switch kind {
        case .timeout: return "Your code was stopped\(place): \(message)"
        case .memory: return "Your code asked for too much memory\(place): \(message)"
        case .exception:
            return message.isEmpty ? "Your code raised \(typeName)\(place)." : "Your code raised \(typeName)\(place): \(message)"
        }
    }
}
