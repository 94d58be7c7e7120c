import CoursePython

/// Conversions between Python values and arrays, as `np.array(...)` and numpy's operators do them.
enum NumPyConversions {
    /// A Python number (int, float, bool, numpy scalar) as a Double, or nil.
    static func number(_ value: PyValue) -> (value: Double, dtype: NDType)? {
        switch value {
        case .int(let integer): return (Double(integer), .int64)
        case .float(let float): return (float, .float64)
        case .bool(let flag): return (flag ? 1 : 0, .bool)
        case .object(let object):
            if let scalar = object as? NumPyFloat64Object { return (scalar.value, .float64) }
            return nil
        default: return nil
        }
    }

    /// A float argument of a math-like function, with CPython's TypeError otherwise.
    static func double(_ value: PyValue, function: String) throws -> Double {
        guard let number = number(value) else {
            throw PyError.typeError("must be real number, not \(value.typeName)")
        }
        return number.value
    }

    /// `np.array(value)`: an ndarray, a list or tuple of numbers, or a list of equal-length rows.
    static func array(_ value: PyValue, runtime: Runtime) throws -> NDArray {
        if case .object(let object) = value, let arrayObject = object as? NDArrayObject { return arrayObject.array }
        if let scalar = number(value) { return NDArray(vector: [scalar.value], dtype: scalar.dtype) }
        guard let items = value.sequenceItems ?? iterableItems(value, runtime: runtime) else {
            throw PyError.typeError("expected a list of numbers or an array, not '\(value.typeName)'")
        }
        try runtime.reserveItems(items.count)
        if items.allSatisfy({ number($0) != nil }) {
            let numbers = items.compactMap(number)
            return NDArray(vector: numbers.map(\.value), dtype: combinedType(numbers.map(\.dtype)))
        }
        var rows: [NDArray] = []
        for item in items {
            if number(item) != nil {
                throw inhomogeneous(count: items.count)
            }
            let row = try array(item, runtime: runtime)
            guard row.ndim == 1 else {
                throw PyError.valueError("arrays of more than 2 dimensions are not supported here")
            }
            rows.append(row)
        }
        let columns = rows.first?.size ?? 0
        guard rows.allSatisfy({ $0.size == columns }) else { throw inhomogeneous(count: items.count) }
        let elements = rows.flatMap(\.elements)
        try runtime.reserveItems(elements.count)
        return try PythonErrors.numpy { () throws(NumPyError) in
            try NDArray(shape: [rows.count, columns], elements: elements, dtype: combinedType(rows.map(\.dtype)))
        }
    }

    private static func iterableItems(_ value: PyValue, runtime: Runtime) -> [PyValue]? {
        if case .object(let object) = value, object is NDArrayObject { return nil }
        if case .object(let object) = value, object.pythonType === BuiltinTypes.range || object is PyIterator {
            return try? runtime.iterate(value)
        }
        return nil
    }

    private static func inhomogeneous(count: Int) -> PyError {
        .valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (\(count),) + inhomogeneous part.")
    }

    static func combinedType(_ types: [NDType]) -> NDType {
        if types.contains(.float64) { return .float64 }
        if types.contains(.int64) { return .int64 }
        return types.isEmpty ? .float64 : .bool
    }

    /// A numpy result as a Python value: arrays as ndarray objects, float64 scalars as
    /// `np.float64`, integer and boolean scalars as Python int and bool (see docs/course-modules.md).
    static func value(_ result: NDElementOrArray) -> PyValue {
        switch result {
        case .array(let array): return .object(NDArrayObject(array))
        case .scalar(let scalar): return value(scalar)
        }
    }

    static func value(_ scalar: NDScalar) -> PyValue {
        switch scalar.dtype {
        case .float64: return .object(NumPyFloat64Object(scalar.value))
        case .int64: return Int(exactly: scalar.value).map(PyValue.int) ?? .float(scalar.value)
        case .bool: return .bool(scalar.value != 0)
        }
    }

    /// One element as `tolist()` gives it: a Python float, int or bool.
    static func plainValue(_ element: Double, dtype: NDType) -> PyValue {
        switch dtype {
        case .float64: return .float(element)
        case .int64: return Int(exactly: element).map(PyValue.int) ?? .float(element)
        case .bool: return .bool(element != 0)
        }
    }

    /// A subscript (`a[1]`, `a[1:3]`, `a[:, 0]`, `a[[2, 0]]`, `a[mask]`) as array indices.
    static func indices(_ key: PyValue, runtime: Runtime) throws -> [NDIndex] {
        if case .tuple(let parts) = key { return try parts.map { try index($0, runtime: runtime) } }
        return [try index(key, runtime: runtime)]
    }

    private static func index(_ key: PyValue, runtime: Runtime) throws -> NDIndex {
        switch key {
        case .int(let position): return .integer(position)
        case .object(let object):
            if let slice = object as? PySlice {
                func bound(_ value: PyValue) throws -> Int? {
                    if value.isNone { return nil }
                    guard let integer = value.intValue else {
                        throw PyError.typeError("slice indices must be integers or None or have an __index__ method")
                    }
                    return integer
                }
                return .slice(start: try bound(slice.start), stop: try bound(slice.stop), step: try bound(slice.step))
            }
            if let arrayObject = object as? NDArrayObject, arrayObject.array.ndim == 1 || arrayObject.array.dtype == .bool {
                return try index(arrayObject.array)
            }
        case .list:
            return try index(try array(key, runtime: runtime))
        default: break
        }
        throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
    }

    private static func index(_ array: NDArray) throws -> NDIndex {
        switch array.dtype {
        case .bool: return .mask(array.elements.map { $0 != 0 })
        case .int64: return .positions(array.elements.map { Int($0) })
        case .float64:
            if array.size == 0 { return .positions([]) }
            throw PyError.indexError("arrays used as indices must be of integer (or boolean) type")
        }
    }

    /// An `axis=` argument: nil, or an int.
    static func axis(_ value: PyValue?) throws -> Int? {
        guard let value, !value.isNone else { return nil }
        guard let axis = value.intValue else {
            throw PyError.typeError("'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return axis
    }
}
