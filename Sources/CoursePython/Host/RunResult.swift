/// What a run produced: everything printed, and the uncaught exception if there was one.
public struct RunResult {
    /// Program output (empty when it was streamed to an output handler instead).
    public var output: String
    /// The uncaught exception, with its traceback text; nil when the program finished normally.
    public var error: PythonError?
    /// True when the run's `RunInterruption` was raised (Ctrl-C): the program was stopped,
    /// usually with `KeyboardInterrupt`, and its work is unfinished even if `error` is nil.
    public var wasInterrupted = false

    /// True when the program finished without an uncaught exception.
    public var succeeded: Bool { error == nil }
}

/// An uncaught Python exception, as a host sees it.
public struct PythonError: Error, @unchecked Sendable {
    /// The exception object (its class, args and attributes).
    public let exception: PyExceptionObject
    /// The full text CPython would print to stderr ("Traceback (most recent call last): …").
    public let traceback: String
    /// The last line alone (`KeyError: 'x'`).
    public let summary: String

    /// The exception's class name (`ZeroDivisionError`).
    public var typeName: String { exception.pythonType.name }
    /// True when a sandbox budget (steps, time, output) stopped the program.
    public var isSandboxLimit: Bool { exception.pythonType === BuiltinTypes.sandboxLimitExceeded }
}
