/// A slice `start:stop:step` as passed to `__getitem__` (`a[1:3]`, `a[:, 0]`).
public final class PySlice: PythonObject {
    public let start: PyValue
    public let stop: PyValue
    public let step: PyValue

    public init(start: PyValue, stop: PyValue, step: PyValue) {
        self.start = start; self.stop = stop; self.step = step
    }

    public var pythonType: PyType { BuiltinTypes.slice }

    public func repr(runtime: Runtime) throws -> String? {
        "slice(\(try runtime.repr(start)), \(try runtime.repr(stop)), \(try runtime.repr(step)))"
    }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "start": return start
        case "stop": return stop
        case "step": return step
        default: return nil
        }
    }

    /// The concrete (start, stop, step, count) for a sequence of `length`, as CPython's
    /// `slice.indices` computes them. Raises for a zero step or non-integer bounds.
    public func indices(length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func bound(_ v: PyValue) throws -> Int? {
            if v.isNone { return nil }
            guard let i = v.intValue else {
                throw PyError.typeError("slice indices must be integers or None or have an __index__ method")
            }
            return i
        }
        let step = try bound(self.step) ?? 1
        if step == 0 { throw PyError.valueError("slice step cannot be zero") }
        var start: Int
        var stop: Int
        if step > 0 {
            start = try bound(self.start).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? 0
            stop = try bound(self.stop).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? length
        } else {
            start = try bound(self.start).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? length - 1
            stop = try bound(self.stop).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? -1
        }
        let count: Int
        if step > 0 {
            count = start < stop ? (stop - start - 1) / step + 1 : 0
        } else {
            count = start > stop ? (start - stop - 1) / (-step) + 1 : 0
        }
        return (start, stop, step, count)
    }

    /// The element offsets the slice selects in a sequence of `length`.
    public func offsets(length: Int) throws -> [Int] {
        let (start, _, step, count) = try indices(length: length)
        return (0..<count).map { start + $0 * step }
    }
}
