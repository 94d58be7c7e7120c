import CoursePython

/// A numpy `ndarray` as a Python object: attributes, methods, operators, indexing, iteration.
/// The array is held by reference, so `a[0] = 5` changes every name bound to `a`.
public final class NDArrayObject: PythonObject, PyFormattable {
    public var array: NDArray

    public init(_ array: NDArray) { self.array = array }

    public var pythonType: PyType { NDArrayObject.type }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "shape": return .tuple(array.shape.map(PyValue.int))
        case "ndim": return .int(array.ndim)
        case "size": return .int(array.size)
        case "dtype": return .object(NumPyDType(array.dtype))
        case "T": return .object(NDArrayObject(array.transposed))
        case "__abs__":
            let absolute = array.absolute
            return .object(PyNativeFunction(name: "__abs__") { _, _ in .object(NDArrayObject(absolute)) })
        default: return nil
        }
    }

    public func attributeNames() -> [String] { ["T", "dtype", "ndim", "shape", "size"] }

    public func repr(runtime: Runtime) throws -> String? { array.repr }
    public func str(runtime: Runtime) throws -> String? { array.str }

    public func format(spec: String, runtime: Runtime) throws -> String? {
        if spec.isEmpty { return array.str }
        throw PyError.typeError("unsupported format string passed to numpy.ndarray.__format__")
    }

    public func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue? {
        guard let otherArray = try? NumPyConversions.array(other, runtime: runtime) else { return nil }
        let left = reflected ? otherArray : array
        let right = reflected ? array : otherArray
        if op == .matrixMultiply {
            if NumPyConversions.number(other) != nil {
                throw PyError.valueError("matmul: Input operand \(reflected ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.matmul(left, right) })
        }
        guard let operation = NDArrayObject.operators[op] else { return nil }
        try runtime.reserveItems(max(left.size, right.size))
        return .object(NDArrayObject(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.elementwise(left, operation, right) }))
    }

    static let operators: [BinaryOperator: NDOperator] = [
        .add: .add, .subtract: .subtract, .multiply: .multiply, .trueDivide: .divide,
        .floorDivide: .floorDivide, .modulo: .modulo, .power: .power,
    ]

    public func unary(_ op: UnaryOperator, runtime: Runtime) throws -> PyValue? {
        switch op {
        case .negate: return .object(NDArrayObject(array.negated))
        case .plus: return .object(NDArrayObject(array))
        case .invert: return nil
        }
    }

    public func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? {
        guard let otherArray = try? NumPyConversions.array(other, runtime: runtime) else { return nil }
        let operation: NDOperator
        switch op {
        case .equal: operation = .equal
        case .notEqual: operation = .notEqual
        case .less: operation = .less
        case .lessEqual: operation = .lessOrEqual
        case .greater: operation = .greater
        case .greaterEqual: operation = .greaterOrEqual
        }
        return .object(NDArrayObject(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.elementwise(array, operation, otherArray) }))
    }

    public func getItem(_ key: PyValue, runtime: Runtime) throws -> PyValue? {
        let indices = try NumPyConversions.indices(key, runtime: runtime)
        return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try array.subscripted(indices) })
    }

    public func setItem(_ key: PyValue, to value: PyValue, runtime: Runtime) throws -> Bool {
        let indices = try NumPyConversions.indices(key, runtime: runtime)
        let source = try NumPyConversions.array(value, runtime: runtime)
        try PythonErrors.numpy { () throws(NumPyError) in try array.assign(indices, source) }
        return true
    }

    public func length(runtime: Runtime) throws -> Int? { array.shape[0] }

    public func makeIterator(runtime: Runtime) throws -> (any PyIterator)? {
        let snapshot = array
        let count = array.shape[0]
        var position = 0
        return NDArrayIterator {
            guard position < count else { return nil }
            defer { position += 1 }
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try snapshot.subscripted([.integer(position)]) })
        }
    }

    public func truthValue(runtime: Runtime) throws -> Bool? {
        guard array.size == 1 else {
            if array.size == 0 { return false }
            throw PyError.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        return array.elements[0] != 0
    }

    public func contains(_ value: PyValue, runtime: Runtime) throws -> Bool? {
        guard let number = NumPyConversions.number(value) else { return false }
        return array.elements.contains(number.value)
    }

    public var helpText: String? {
        "numpy.ndarray: an array of \(array.dtype.rawValue) with shape \(NDArray.shapeText(array.shape)).\n"
            + "Attributes: shape, ndim, size, dtype, T. Methods: " + NDArrayObject.type.allMethodNames.joined(separator: ", ")
    }
}

/// Walks an array's first axis: rows of a matrix, elements of a vector.
final class NDArrayIterator: PyIterator {
    private let step: () throws -> PyValue?

    init(_ step: @escaping () throws -> PyValue?) { self.step = step }

    var pythonType: PyType { BuiltinTypes.iterator }
    func next(runtime: Runtime) throws -> PyValue? { try step() }
}

/// `a.dtype`: prints as `float64`, reprs as `dtype('float64')`, compares equal to its name.
final class NumPyDType: PythonObject, PyEquatableObject {
    let dtype: NDType

    init(_ dtype: NDType) { self.dtype = dtype }

    static let type = PyType(name: "dtype", module: "numpy", doc: "The type of an array's elements.")
    var pythonType: PyType { NumPyDType.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        name == "name" ? .str(dtype.rawValue) : nil
    }

    func repr(runtime: Runtime) throws -> String? { "dtype('\(dtype.rawValue)')" }
    func str(runtime: Runtime) throws -> String? { dtype.rawValue }

    func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        switch other {
        case .str(let name): same = name == dtype.rawValue
        case .object(let object): same = (object as? NumPyDType)?.dtype == dtype
        default: same = false
        }
        return .bool(op == .equal ? same : !same)
    }

    func isEqual(to other: any PythonObject) -> Bool { (other as? NumPyDType)?.dtype == dtype }
}
