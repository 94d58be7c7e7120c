import CoursePython

extension NDArrayObject {
    /// The `numpy.ndarray` type and the methods bound on its instances.
    static let type = PyType(
        name: "ndarray", module: "numpy",
        doc: "numpy.ndarray: an array of numbers of one or two dimensions. np.array([...]) makes one.",
        methods: [
            "tolist": { me, arguments, _ in
                try arguments.expectExactly(0, "tolist")
                return try NDArrayObject.unwrap(me).toList()
            },
            "copy": { me, arguments, _ in
                try arguments.expectAtMost(0, "copy")
                return .object(NDArrayObject(try NDArrayObject.unwrap(me).array))
            },
            "flatten": { me, _, _ in
                let array = try NDArrayObject.unwrap(me).array
                return .object(NDArrayObject(NDArray(vector: array.elements, dtype: array.dtype)))
            },
            "reshape": { me, arguments, runtime in
                let array = try NDArrayObject.unwrap(me).array
                var shape: [Int] = []
                for value in arguments.positional.count == 1 ? (arguments.positional[0].sequenceItems ?? arguments.positional) : arguments.positional {
                    guard let size = value.intValue else { throw PyError.typeError("'\(value.typeName)' object cannot be interpreted as an integer") }
                    shape.append(size)
                }
                return .object(NDArrayObject(try PythonErrors.numpy { () throws(NumPyError) in try array.reshaped(shape) }))
            },
            "astype": { me, arguments, _ in
                let bound = try arguments.bind("astype", ["dtype"])
                return .object(NDArrayObject(try NDArrayObject.unwrap(me).array.converted(to: NumPyModule.dtype(bound["dtype"]))))
            },
            "dot": { me, arguments, runtime in
                let bound = try arguments.bind("dot", ["b"])
                let other = try NumPyConversions.array(bound["b"] ?? .none, runtime: runtime)
                let array = try NDArrayObject.unwrap(me).array
                return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.dot(array, other) })
            },
            "argsort": { me, _, _ in .object(NDArrayObject(try NDArrayObject.unwrap(me).array.argsorted())) },
            "item": { me, _, _ in
                let array = try NDArrayObject.unwrap(me).array
                guard array.size == 1 else { throw PyError.valueError("can only convert an array of size 1 to a Python scalar") }
                return NumPyConversions.plainValue(array.elements[0], dtype: array.dtype)
            },
            "any": { me, _, _ in .bool(try NDArrayObject.unwrap(me).array.elements.contains { $0 != 0 }) },
            "all": { me, _, _ in .bool(try NDArrayObject.unwrap(me).array.elements.allSatisfy { $0 != 0 }) },
            "sum": reductionMethod(.sum),
            "mean": reductionMethod(.mean),
            "min": reductionMethod(.min),
            "max": reductionMethod(.max),
            "std": reductionMethod(.std),
            "prod": reductionMethod(.prod),
            "argmin": reductionMethod(.argmin),
            "argmax": reductionMethod(.argmax),
        ],
        constructor: { _, _ in
            throw PyError.typeError("create arrays with np.array([...]), np.zeros(n) or np.ones(n), not np.ndarray(...)")
        }
    )

    static func reductionMethod(_ reduction: NDReduction) -> NativeMethod {
        { me, arguments, _ in
            let bound = try arguments.bind(reduction.rawValue, [.optional("axis")])
            let array = try unwrap(me).array
            let axis = try NumPyConversions.axis(bound["axis"])
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try array.reduced(reduction, axis: axis) })
        }
    }

    static func unwrap(_ value: PyValue) throws -> NDArrayObject {
        guard let object = value.native(as: NDArrayObject.self) else {
            throw PyError.typeError("descriptor requires a 'numpy.ndarray' object but received a '\(value.typeName)'")
        }
        return object
    }

    /// `tolist()`: nested Python lists of Python floats (or ints, or bools).
    func toList() -> PyValue {
        let dtype = array.dtype
        if array.ndim == 1 { return .makeList(array.elements.map { NumPyConversions.plainValue($0, dtype: dtype) }) }
        let columns = array.shape[1]
        return .makeList((0..<array.shape[0]).map { row in
            .makeList(array.elements[row * columns..<(row + 1) * columns].map { NumPyConversions.plainValue($0, dtype: dtype) })
        })
    }
}
