/// One declarative check of an exercise (docs/exercises.md lists each kind and its feedback).
public struct ExerciseCheck: Sendable, Equatable {
    /// What is checked.
    public var kind: Kind
    /// A message that replaces the generated feedback when the check fails.
    public var feedback: String?
    /// Where the check is written in its lesson file.
    public var line: Int?

    public init(_ kind: Kind, feedback: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.feedback = feedback
        self.line = line
    }

    /// The kinds of check, each comparing results rather than code text.
    public enum Kind: Sendable, Equatable {
        /// The code ran without an uncaught exception.
        case noError
        /// A variable exists in the learner's namespace.
        case defined(name: String)
        /// A value's type name (as `type(x).__name__` gives it) is `typeName`; `advice` maps a
        /// wrong type's name to what the learner should do about it.
        case type(target: CheckTarget, typeName: String, advice: [String: String])
        /// A value equals the one the solution computes, floats compared with a relative tolerance.
        case equals(target: CheckTarget, tolerance: Double)
        /// A function or method (dotted path as written in code) was called with these arguments.
        case called(function: String, keywordArguments: [KeywordArgument], positionalArguments: [ExpectedValue], times: Int?)
        /// The printed output satisfies an expectation.
        case output(OutputExpectation)
        /// A Python expression is truthy in the learner's namespace.
        case holds(expression: String)
        /// A vector's dimension, unit norm, and cosine similarity to the solution's vector.
        case vector(target: CheckTarget, dimension: Int?, unitNorm: Bool, minimumCosineToSolution: Double?)
        /// The indices of the `k` best scores equal the solution's, in order.
        case topK(target: CheckTarget, k: Int, largest: Bool)

        /// The kind's name as written in YAML.
        public var name: String {
            switch self {
            case .noError: return "no_error"
            case .defined: return "defined"
            case .type: return "type"
            case .equals: return "equals"
            case .called: return "called"
            case .output: return "output"
            case .holds: return "holds"
            case .vector: return "vector"
            case .topK: return "top_k"
            }
        }
    }
}

/// What a check looks at: a variable by name, or any expression.
public enum CheckTarget: Sendable, Equatable {
    case name(String)
    case expression(String)

    /// The Python source that evaluates the target.
    public var source: String {
        switch self {
        case .name(let name): return name
        case .expression(let expression): return expression
        }
    }
}

/// An expectation about printed output.
public enum OutputExpectation: Sendable, Equatable {
    /// The output contains this text.
    case contains(String)
    /// The output matches this regular expression somewhere.
    case matches(String)
    /// The output is exactly what the solution prints.
    case sameAsSolution
}

/// A keyword argument a call must have received, with its expected value.
public struct KeywordArgument: Sendable, Equatable {
    public var name: String
    public var value: ExpectedValue

    public init(name: String, value: ExpectedValue) {
        self.name = name
        self.value = value
    }
}

/// A literal value written in a lesson file (YAML), compared against Python values.
public indirect enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ExpectedValue])
    case dict([KeyedValue])

    /// A key and its value, in the order written.
    public struct KeyedValue: Sendable, Equatable {
        public var key: String
        public var value: ExpectedValue

        public init(key: String, value: ExpectedValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value written the way Python's `repr` writes it.
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value):
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "'\(escaped)'"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dict(let pairs):
            return "{" + pairs.map { "'\($0.key)': \($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }
}
