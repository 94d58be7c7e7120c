/// A value of the course's Python. Immutable scalars are stored inline; mutable containers
/// and everything else (functions, types, modules, exceptions, host objects) are references,
/// so that aliasing behaves as in CPython (`b = a; b.append(1)` changes `a`).
public enum PyValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([PyValue])
    case list(PyList)
    case dict(PyDict)
    case set(PySet)
    /// Functions, types, modules, exceptions, iterators and host (native) objects.
    case object(any PythonObject)
}

extension PyValue {
    /// The Python-visible name of the value's type (`'int'`, `'list'`, `'CreateEmbeddingResponse'`).
    public var typeName: String { pythonType.name }

    /// The value's Python type object.
    public var pythonType: PyType {
        switch self {
        case .none: return BuiltinTypes.noneType
        case .bool: return BuiltinTypes.bool
        case .int: return BuiltinTypes.int
        case .float: return BuiltinTypes.float
        case .str: return BuiltinTypes.str
        case .tuple: return BuiltinTypes.tuple
        case .list: return BuiltinTypes.list
        case .dict: return BuiltinTypes.dict
        case .set: return BuiltinTypes.set
        case .object(let object): return object.pythonType
        }
    }

    /// Wraps a host object.
    public init(_ object: any PythonObject) { self = .object(object) }

    /// Builds a list value from Swift values.
    public static func makeList(_ items: [PyValue]) -> PyValue { .list(PyList(items)) }

    /// Builds a dict value from ordered key/value pairs (later duplicates replace earlier ones).
    public static func makeDict(_ pairs: [(String, PyValue)]) -> PyValue {
        let dict = PyDict()
        for (key, value) in pairs { dict.setUnchecked(.str(key), value) }
        return .dict(dict)
    }

    /// `True` when the two values are the same object (Python `is`); scalars compare by value.
    public func isIdentical(to other: PyValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.str(let a), .str(let b)): return a == b
        case (.tuple(let a), .tuple(let b)): return a.isEmpty && b.isEmpty
        case (.list(let a), .list(let b)): return a === b
        case (.dict(let a), .dict(let b)): return a === b
        case (.set(let a), .set(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

// MARK: - Swift-side inspection, for hosts and checks

extension PyValue {
    /// The integer, when the value is an `int` (or a `bool`, as in Python).
    public var intValue: Int? {
        switch self {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The number as a Double, when the value is an `int`, `float` or `bool`.
    public var doubleValue: Double? {
        switch self {
        case .float(let v): return v
        case .int(let v): return Double(v)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The text, when the value is a `str`.
    public var stringValue: String? {
        if case .str(let s) = self { return s }
        return nil
    }

    /// The Bool, when the value is a `bool`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// True for `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The items of a list or tuple (a snapshot of the list).
    public var sequenceItems: [PyValue]? {
        switch self {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: return nil
        }
    }

    /// The key/value pairs of a dict, in insertion order.
    public var dictPairs: [(key: PyValue, value: PyValue)]? {
        if case .dict(let d) = self { return d.pairs }
        return nil
    }

    /// The host object, when the value wraps one of type `T`.
    public func native<T: PythonObject>(as type: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }

    /// Python `==` for plain data (numbers, str, None, list, tuple, dict, set); host objects
    /// compare by identity. Never raises; use `Runtime.equals` for full Python semantics.
    public func isEqual(to other: PyValue) -> Bool {
        ValueEquality.plainEquals(self, other)
    }
}

extension PyValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .str(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .none }
    public init(arrayLiteral elements: PyValue...) { self = .list(PyList(elements)) }
}
