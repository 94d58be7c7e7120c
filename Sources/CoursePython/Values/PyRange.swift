/// `range(start, stop, step)`: lazy, so `for i in range(10**9)` costs steps, not memory.
public final class PyRange: PythonObject {
    public let start: Int
    public let stop: Int
    public let step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start; self.stop = stop; self.step = step
    }

    static func make(_ arguments: Arguments) throws -> PyRange {
        if !arguments.keywords.isEmpty { throw PyError.typeError("range() takes no keyword arguments") }
        let values = try arguments.positional.map { v -> Int in
            guard let i = v.intValue else {
                throw PyError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            return i
        }
        switch values.count {
        case 1: return PyRange(start: 0, stop: values[0], step: 1)
        case 2: return PyRange(start: values[0], stop: values[1], step: 1)
        case 3:
            if values[2] == 0 { throw PyError.valueError("range() arg 3 must not be zero") }
            return PyRange(start: values[0], stop: values[1], step: values[2])
        case 0: throw PyError.typeError("range expected at least 1 argument, got 0")
        default: throw PyError.typeError("range expected at most 3 arguments, got \(values.count)")
        }
    }

    /// Number of values.
    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    public func element(_ i: Int) -> Int { start + i * step }

    public var pythonType: PyType { BuiltinTypes.range }

    public func repr(runtime: Runtime) throws -> String? {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    public func length(runtime: Runtime) throws -> Int? { count }

    public func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { RangeIterator(self) }

    public func contains(_ value: PyValue, runtime: Runtime) throws -> Bool? {
        guard let v = value.intValue else { return false }
        if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
        return (v - start) % step == 0
    }

    public func getItem(_ key: PyValue, runtime: Runtime) throws -> PyValue? {
        if case .object(let o) = key, let slice = o as? PySlice {
            let (s, _, st, n) = try slice.indices(length: count)
            return .object(PyRange(start: element(s), stop: element(s) + n * st * step, step: st * step))
        }
        guard let i = key.intValue else {
            throw PyError.typeError("range indices must be integers or slices, not \(key.typeName)")
        }
        let index = i < 0 ? i + count : i
        guard index >= 0 && index < count else { throw PyError.indexError("range object index out of range") }
        return .int(element(index))
    }

    public func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? {
        guard op == .equal || op == .notEqual, case .object(let o) = other, let r = o as? PyRange else { return nil }
        let same = count == r.count && (count == 0 || (start == r.start && (count == 1 || step == r.step)))
        return .bool(op == .equal ? same : !same)
    }
}

/// Iterates a range without materialising it.
final class RangeIterator: PyIterator {
    let range: PyRange
    var index = 0
    init(_ range: PyRange) { self.range = range }
    var pythonType: PyType { BuiltinTypes.iterator }
    func next(runtime: Runtime) throws -> PyValue? {
        guard index < range.count else { return nil }
        defer { index += 1 }
        return .int(range.element(index))
    }
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { self }
    func repr(runtime: Runtime) throws -> String? { "<range_iterator object>" }
}

/// Iterates a fixed array of values (lists snapshot here are read live by `for`; this serves
/// tuples, strings, dict views, and generator expressions, which are computed eagerly).
public final class ArrayIterator: PyIterator {
    let values: [PyValue]
    var index = 0
    let typeLabel: String
    var failure: PyError?

    /// Iterates `values`; when `failure` is given it is raised after the last value.
    public init(_ values: [PyValue], typeLabel: String = "iterator", failure: PyError? = nil) {
        self.values = values; self.typeLabel = typeLabel; self.failure = failure
    }
    public var pythonType: PyType { typeLabel == "generator" ? BuiltinTypes.generator : BuiltinTypes.iterator }
    public func next(runtime: Runtime) throws -> PyValue? {
        guard index < values.count else {
            if let failure {
                self.failure = nil
                throw failure
            }
            return nil
        }
        defer { index += 1 }
        return values[index]
    }
    public func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { self }
    public func repr(runtime: Runtime) throws -> String? {
        typeLabel == "generator" ? "<generator object <genexpr>>" : "<\(typeLabel) object>"
    }
}

/// Iterates a list live, so appends during the loop are seen as in CPython.
final class ListIterator: PyIterator {
    let list: PyList
    var index = 0
    init(_ list: PyList) { self.list = list }
    var pythonType: PyType { BuiltinTypes.iterator }
    func next(runtime: Runtime) throws -> PyValue? {
        guard index < list.items.count else { return nil }
        defer { index += 1 }
        return list.items[index]
    }
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { self }
    func repr(runtime: Runtime) throws -> String? { "<list_iterator object>" }
}

/// An iterator computed by a closure (map, filter, zip, enumerate, reversed).
final class LazyIterator: PyIterator {
    let label: String
    let produce: (Runtime) throws -> PyValue?
    init(_ label: String, _ produce: @escaping (Runtime) throws -> PyValue?) { self.label = label; self.produce = produce }
    var pythonType: PyType { BuiltinTypes.iteratorTypes[label] ?? BuiltinTypes.iterator }
    func next(runtime: Runtime) throws -> PyValue? { try produce(runtime) }
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { self }
    func repr(runtime: Runtime) throws -> String? { "<\(label) object>" }
}
