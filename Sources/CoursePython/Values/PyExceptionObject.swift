/// A raised (or raisable) Python exception: its class, its args, attributes the host adds
/// (`status_code`, `body`, …) and the traceback collected while it propagated.
public final class PyExceptionObject: PythonObject {
    public let pythonType: PyType
    public var args: [PyValue]
    /// Extra attributes (`e.status_code`), readable and writable from Python.
    public var attributes: [String: PyValue]
    /// A hint printed on its own line after the exception line (our KeyError suggestions).
    public var hint: String?
    /// A "Did you mean" name CPython 3.11 appends to NameError and AttributeError lines.
    public var suggestion: String?
    /// Frames from innermost outward, filled in as the exception leaves each Python frame.
    public internal(set) var traceback: [TracebackEntry] = []
    var pendingCaret: PendingCaret?

    public init(type: PyType, args: [PyValue], attributes: [String: PyValue] = [:]) {
        self.pythonType = type
        self.args = args
        self.attributes = attributes
    }

    /// Convenience: an exception with one message argument.
    public convenience init(type: PyType, message: String, attributes: [String: PyValue] = [:]) {
        self.init(type: type, args: [.str(message)], attributes: attributes)
    }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        if let value = attributes[name] { return value }
        if name == "args" { return .tuple(args) }
        return nil
    }

    public func setAttribute(_ name: String, to value: PyValue, runtime: Runtime) throws -> Bool {
        attributes[name] = value
        return true
    }

    public func attributeNames() -> [String] { ["args"] + attributes.keys.sorted() }

    public func str(runtime: Runtime) throws -> String? {
        switch args.count {
        case 0: return ""
        case 1:
            if pythonType.isSubtype(of: BuiltinTypes.keyError) { return try runtime.repr(args[0]) }
            return try runtime.str(args[0])
        default: return try runtime.repr(.tuple(args))
        }
    }

    public func repr(runtime: Runtime) throws -> String? {
        let inner = try args.map { try runtime.repr($0) }.joined(separator: ", ")
        return "\(pythonType.name)(\(inner))"
    }
}

/// One frame of a traceback: where the exception passed through.
public struct TracebackEntry: Sendable, Equatable {
    public var filename: String
    public var line: Int
    public var function: String
    /// The text of that line, when the source is known.
    public var sourceLine: String?
    /// The failing expression's columns on that line (0-based, end exclusive) and the columns
    /// of its operator/subscript part, used to draw CPython 3.11's `~~^^` marks.
    public var caret: CaretRange?
}

/// Columns of the failing expression on its line, and of the part to mark with `^`.
public struct CaretRange: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var anchorStart: Int?
    public var anchorEnd: Int?
}

/// A Python exception travelling through Swift code.
public struct PyError: Error, @unchecked Sendable {
    public let exception: PyExceptionObject

    public init(_ exception: PyExceptionObject) { self.exception = exception }

    /// An exception of `type` with one message.
    public init(_ type: PyType, _ message: String) {
        exception = PyExceptionObject(type: type, message: message)
    }

    /// The exception's class name (`KeyError`).
    public var typeName: String { exception.pythonType.name }

    public static func typeError(_ message: String) -> PyError { PyError(BuiltinTypes.typeError, message) }
    public static func valueError(_ message: String) -> PyError { PyError(BuiltinTypes.valueError, message) }
    public static func indexError(_ message: String) -> PyError { PyError(BuiltinTypes.indexError, message) }
    public static func attributeError(_ message: String) -> PyError { PyError(BuiltinTypes.attributeError, message) }
    public static func zeroDivision(_ message: String) -> PyError { PyError(BuiltinTypes.zeroDivisionError, message) }
    public static func overflow(_ message: String) -> PyError { PyError(BuiltinTypes.overflowError, message) }
    public static func memory(_ message: String) -> PyError { PyError(BuiltinTypes.memoryError, message) }
    public static func runtimeError(_ message: String) -> PyError { PyError(BuiltinTypes.runtimeError, message) }
    public static func notImplemented(_ message: String) -> PyError { PyError(BuiltinTypes.notImplementedError, message) }
    /// KeyError carrying the key itself, as CPython does (`KeyError: 'x'`).
    public static func keyError(_ key: PyValue) -> PyError {
        PyError(PyExceptionObject(type: BuiltinTypes.keyError, args: [key]))
    }
}
