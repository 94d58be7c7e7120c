/// A reference object visible to Python: functions, types, modules, exceptions, iterators and
/// the host's native objects (an `OpenAI` client, an `ndarray`, …).
///
/// Every requirement except `pythonType` has a default that says "not supported", and the
/// interpreter turns that into the CPython error (`'X' object is not subscriptable`,
/// `unsupported operand type(s) for +: 'X' and 'int'`, …). Implement only what the object offers.
/// Methods receive the `Runtime`, through which they can call back into Python, format values
/// and raise exceptions.
public protocol PythonObject: AnyObject {
    /// The object's type; its `name` is what messages and `type(x)` show.
    var pythonType: PyType { get }

    /// `obj.name`: the attribute, or nil when there is none (the runtime then looks in the
    /// type's methods, then raises AttributeError with a "Did you mean" suggestion).
    func attribute(_ name: String, runtime: Runtime) throws -> PyValue?
    /// `obj.name = value`: return false when the attribute cannot be set (AttributeError).
    func setAttribute(_ name: String, to value: PyValue, runtime: Runtime) throws -> Bool
    /// Names listed by `dir(obj)` and offered by tab completion (besides the type's methods).
    func attributeNames() -> [String]

    /// `obj(...)`: nil when the object is not callable.
    func call(_ arguments: Arguments, runtime: Runtime) throws -> PyValue?

    /// `repr(obj)`; nil gives the default `<module.Type object>`.
    func repr(runtime: Runtime) throws -> String?
    /// `str(obj)`; nil falls back to `repr`.
    func str(runtime: Runtime) throws -> String?

    /// `obj <op> other` (reflected: `other <op> obj`). Return nil for NotImplemented.
    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue?
    /// `-obj`, `+obj`, `~obj`; nil when unsupported.
    func unary(_ op: UnaryOperator, runtime: Runtime) throws -> PyValue?
    /// `obj <op> other`; nil for NotImplemented (then `==` falls back to identity).
    func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue?

    /// `obj[key]` (slices arrive as `PySlice` objects, `a[1, 2]` as a tuple); nil when not subscriptable.
    func getItem(_ key: PyValue, runtime: Runtime) throws -> PyValue?
    /// `obj[key] = value`; false when item assignment is unsupported.
    func setItem(_ key: PyValue, to value: PyValue, runtime: Runtime) throws -> Bool
    /// `len(obj)`; nil when the object has no length.
    func length(runtime: Runtime) throws -> Int?
    /// `iter(obj)`: an iterator; nil when not iterable.
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)?
    /// `bool(obj)`; nil means "true unless it has a length of 0".
    func truthValue(runtime: Runtime) throws -> Bool?
    /// `x in obj`; nil falls back to iterating.
    func contains(_ value: PyValue, runtime: Runtime) throws -> Bool?
    /// Text shown by `help(obj)`; nil shows the type's doc.
    var helpText: String? { get }
}

extension PythonObject {
    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? { nil }
    public func setAttribute(_ name: String, to value: PyValue, runtime: Runtime) throws -> Bool { false }
    public func attributeNames() -> [String] { [] }
    public func call(_ arguments: Arguments, runtime: Runtime) throws -> PyValue? { nil }
    public func repr(runtime: Runtime) throws -> String? { nil }
    public func str(runtime: Runtime) throws -> String? { nil }
    public func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue? { nil }
    public func unary(_ op: UnaryOperator, runtime: Runtime) throws -> PyValue? { nil }
    public func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? { nil }
    public func getItem(_ key: PyValue, runtime: Runtime) throws -> PyValue? { nil }
    public func setItem(_ key: PyValue, to value: PyValue, runtime: Runtime) throws -> Bool { false }
    public func length(runtime: Runtime) throws -> Int? { nil }
    public func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { nil }
    public func truthValue(runtime: Runtime) throws -> Bool? { nil }
    public func contains(_ value: PyValue, runtime: Runtime) throws -> Bool? { nil }
    public var helpText: String? { nil }
}

/// An iterator: `next` returns nil when exhausted. Iterators are themselves iterable.
public protocol PyIterator: PythonObject {
    func next(runtime: Runtime) throws -> PyValue?
}
