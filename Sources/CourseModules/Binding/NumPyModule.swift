import Foundation
import CoursePython

/// The `numpy` module (imported as `np`): array construction, element-wise maths, products,
/// reductions, sorting and `linalg.norm`, over `NDArray`.
enum NumPyModule {
    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "numpy", doc: "Arrays of numbers and fast vector maths (a subset of numpy 2).")
        module.namespace["ndarray"] = .object(NDArrayObject.type)
        module.namespace["float64"] = .object(NumPyFloat64Object.type)
        module.namespace["int64"] = .object(BuiltinTypes.int)
        module.namespace["pi"] = .float(.pi)
        module.namespace["e"] = .float(M_E)
        module.namespace["inf"] = .float(.infinity)
        module.namespace["nan"] = .float(.nan)
        module.namespace["linalg"] = .object(linalg())

        module.addFunction("array", doc: "array(object, dtype=None): an array from a list (of lists) of numbers.") { arguments, runtime in
            let bound = try arguments.bind("array", ["object", .optional("dtype")])
            let array = try NumPyConversions.array(bound["object"] ?? .none, runtime: runtime)
            if let dtype = bound["dtype"], !dtype.isNone { return .object(NDArrayObject(array.converted(to: try Self.dtype(dtype)))) }
            return .object(NDArrayObject(array))
        }
        module.namespace["asarray"] = module.namespace["array"]
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0)] {
            module.addFunction(name, doc: "\(name)(shape): an array of \(fill == 0 ? "zeros" : "ones").") { arguments, runtime in
                let bound = try arguments.bind(name, ["shape", .optional("dtype")])
                let shape = try Self.shape(bound["shape"] ?? .none)
                let count = try Self.reserve(elements: NDArray.elementCount(shape), runtime: runtime)
                let dtype = try bound["dtype"].map(Self.dtype) ?? .float64
                return .object(NDArrayObject(try PythonErrors.numpy { () throws(NumPyError) in
                    try NDArray(shape: shape, elements: Array(repeating: fill, count: count), dtype: dtype)
                }))
            }
        }
        module.addFunction("arange", doc: "arange([start,] stop[, step]): evenly spaced values, like range.") { arguments, runtime in
            let numbers = try arguments.positional.map { value -> (value: Double, dtype: NDType) in
                guard let number = NumPyConversions.number(value) else { throw PyError.typeError("unsupported type for arange: '\(value.typeName)'") }
                return number
            }
            guard (1...3).contains(numbers.count) else { throw PyError.typeError("arange() requires stop to be specified.") }
            let start = numbers.count > 1 ? numbers[0].value : 0
            let stop = numbers.count > 1 ? numbers[1].value : numbers[0].value
            let step = numbers.count > 2 ? numbers[2].value : 1
            guard step != 0 else { throw PyError.zeroDivision("division by zero") }
            let length = ((stop - start) / step).rounded(.up)
            guard length.isFinite || length < 0 else { throw PyError.valueError("arange: cannot compute length") }
            let count = try Self.reserve(elements: length <= 0 ? 0 : (length < Double(Int.max) ? Int(length) : nil), runtime: runtime)
            let dtype = NumPyConversions.combinedType(numbers.map { $0.dtype == .bool ? .int64 : $0.dtype })
            return .object(NDArrayObject(NDArray(vector: (0..<count).map { start + Double($0) * step }, dtype: dtype)))
        }
        module.addFunction("linspace", doc: "linspace(start, stop, num=50): num evenly spaced values from start to stop inclusive.") { arguments, runtime in
            let bound = try arguments.bind("linspace", ["start", "stop", .optional("num")])
            let start = try NumPyConversions.double(bound["start"] ?? .none, function: "linspace")
            let stop = try NumPyConversions.double(bound["stop"] ?? .none, function: "linspace")
            let count = bound["num"]?.intValue ?? 50
            guard count >= 0 else { throw PyError.valueError("Number of samples, \(count), must be non-negative.") }
            _ = try Self.reserve(elements: count, runtime: runtime)
            let step = count > 1 ? (stop - start) / Double(count - 1) : 0
            var values = (0..<count).map { start + Double($0) * step }
            if count > 1 { values[count - 1] = stop }
            return .object(NDArrayObject(NDArray(vector: values)))
        }
        module.addFunction("dot", doc: "dot(a, b): inner product of vectors, or matrix products.") { arguments, runtime in
            let bound = try arguments.bind("dot", ["a", "b"])
            let a = try NumPyConversions.array(bound["a"] ?? .none, runtime: runtime)
            let b = try NumPyConversions.array(bound["b"] ?? .none, runtime: runtime)
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.dot(a, b) })
        }
        module.addFunction("matmul", doc: "matmul(a, b): the matrix product, as a @ b.") { arguments, runtime in
            let bound = try arguments.bind("matmul", ["x1", "x2"])
            let a = try NumPyConversions.array(bound["x1"] ?? .none, runtime: runtime)
            let b = try NumPyConversions.array(bound["x2"] ?? .none, runtime: runtime)
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try NDArray.matmul(a, b) })
        }
        for reduction in [NDReduction.sum, .mean, .min, .max, .std, .prod, .argmin, .argmax] {
            module.addFunction(reduction.rawValue, doc: "\(reduction.rawValue)(a, axis=None)") { arguments, runtime in
                let bound = try arguments.bind(reduction.rawValue, ["a", .optional("axis")])
                let array = try NumPyConversions.array(bound["a"] ?? .none, runtime: runtime)
                let axis = try NumPyConversions.axis(bound["axis"])
                return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try array.reduced(reduction, axis: axis) })
            }
        }
        module.namespace["amin"] = module.namespace["min"]
        module.namespace["amax"] = module.namespace["max"]
        module.addFunction("argsort", doc: "argsort(a): the positions that would sort a (ascending, stable).") { arguments, runtime in
            let bound = try arguments.bind("argsort", ["a"])
            return .object(NDArrayObject(try NumPyConversions.array(bound["a"] ?? .none, runtime: runtime).argsorted()))
        }
        module.addFunction("sort", doc: "sort(a): a sorted copy of a.") { arguments, runtime in
            let bound = try arguments.bind("sort", ["a"])
            return .object(NDArrayObject(try NumPyConversions.array(bound["a"] ?? .none, runtime: runtime).sorted()))
        }
        let elementwise: [(String, (Double) -> Double)] = [
            ("sqrt", { $0.squareRoot() }), ("exp", { Foundation.exp($0) }), ("log", { Foundation.log($0) }),
            ("abs", { $0.magnitude }), ("absolute", { $0.magnitude }), ("square", { $0 * $0 }),
            ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }),
        ]
        for (name, function) in elementwise {
            module.addFunction(name, doc: "\(name)(x): applied to every element.") { arguments, runtime in
                let bound = try arguments.bind(name, ["x"])
                let input = bound["x"] ?? .none
                if let number = NumPyConversions.number(input), input.native(as: NDArrayObject.self) == nil {
                    return .object(NumPyFloat64Object(function(number.value)))
                }
                let array = try NumPyConversions.array(input, runtime: runtime)
                if (name == "abs" || name == "absolute") && array.dtype != .float64 { return .object(NDArrayObject(array.absolute)) }
                return .object(NDArrayObject(array.mapped(function)))
            }
        }
        module.addFunction("round", doc: "round(a, decimals=0): each element rounded half to even.") { arguments, runtime in
            let bound = try arguments.bind("round", ["a", .optional("decimals")])
            let decimals = bound["decimals"]?.intValue ?? 0
            let scale = Foundation.pow(10.0, Double(decimals))
            let round = { (x: Double) in (x * scale).rounded(.toNearestOrEven) / scale }
            let input = bound["a"] ?? .none
            if let number = NumPyConversions.number(input) { return .object(NumPyFloat64Object(round(number.value))) }
            return .object(NDArrayObject(try NumPyConversions.array(input, runtime: runtime).mapped(round)))
        }
        module.addFunction("clip", doc: "clip(a, a_min, a_max): values limited to [a_min, a_max].") { arguments, runtime in
            let bound = try arguments.bind("clip", ["a", "a_min", "a_max"])
            let low = try NumPyConversions.double(bound["a_min"] ?? .none, function: "clip")
            let high = try NumPyConversions.double(bound["a_max"] ?? .none, function: "clip")
            let input = bound["a"] ?? .none
            if let number = NumPyConversions.number(input) { return .object(NumPyFloat64Object(min(max(number.value, low), high))) }
            return .object(NDArrayObject(try NumPyConversions.array(input, runtime: runtime).mapped { min(max($0, low), high) }))
        }
        module.addFunction("allclose", doc: "allclose(a, b, rtol=1e-05, atol=1e-08): whether all elements are close.") { arguments, runtime in
            let bound = try arguments.bind("allclose", ["a", "b", .optional("rtol"), .optional("atol")])
            let a = try NumPyConversions.array(bound["a"] ?? .none, runtime: runtime)
            let b = try NumPyConversions.array(bound["b"] ?? .none, runtime: runtime)
            let rtol = bound["rtol"]?.doubleValue ?? 1e-5, atol = bound["atol"]?.doubleValue ?? 1e-8
            let target = try PythonErrors.numpy { () throws(NumPyError) in try NDArray.broadcastShape(a.shape, b.shape) }
            let left = try PythonErrors.numpy { () throws(NumPyError) in try a.broadcast(to: target) }
            let right = try PythonErrors.numpy { () throws(NumPyError) in try b.broadcast(to: target) }
            return .bool(zip(left.elements, right.elements).allSatisfy { ($0 - $1).magnitude <= atol + rtol * $1.magnitude })
        }
        module.addFunction("vstack", doc: "vstack(rows): stack 1-D arrays (or lists) as the rows of a matrix.") { arguments, runtime in
            let bound = try arguments.bind("vstack", ["tup"])
            let rows = try runtime.iterate(bound["tup"] ?? .none).map { try NumPyConversions.array($0, runtime: runtime) }
            let flattened = rows.map { $0.ndim == 1 ? [$0] : (0..<$0.shape[0]).map($0.row) }.flatMap { $0 }
            let columns = flattened.first?.size ?? 0
            guard flattened.allSatisfy({ $0.size == columns }) else {
                throw PyError.valueError("all the input array dimensions except for the concatenation axis must match exactly")
            }
            return .object(NDArrayObject(try PythonErrors.numpy { () throws(NumPyError) in
                try NDArray(shape: [flattened.count, columns], elements: flattened.flatMap(\.elements), dtype: NumPyConversions.combinedType(flattened.map(\.dtype)))
            }))
        }
        module.namespace["stack"] = module.namespace["vstack"]
        return module
    }

    /// `np.linalg`: the norm.
    private static func linalg() -> PyModule {
        let module = PyModule(name: "numpy.linalg", doc: "Linear algebra: norm.")
        module.addFunction("norm", doc: "norm(x, axis=None): the Euclidean length of a vector (Frobenius for a matrix), or of each row/column along axis.") { arguments, runtime in
            let bound = try arguments.bind("norm", ["x", .optional("ord"), .optional("axis")])
            if let order = bound["ord"], !order.isNone, order.intValue != 2 {
                throw PyError.valueError("only the default (Euclidean) norm is available here; leave out ord")
            }
            let array = try NumPyConversions.array(bound["x"] ?? .none, runtime: runtime)
            let axis = try NumPyConversions.axis(bound["axis"])
            return NumPyConversions.value(try PythonErrors.numpy { () throws(NumPyError) in try array.norm(axis: axis) })
        }
        return module
    }

    /// Asks the sandbox for the memory of `elements` float64 values before allocating them;
    /// nil (a count beyond Int) is refused as MemoryError too.
    static func reserve(elements: Int?, runtime: Runtime) throws -> Int {
        guard let elements, elements <= Int.max / 8 else {
            throw PyError.memory("the array would be larger than any memory: too many elements")
        }
        try runtime.reserveMemory(bytes: elements * 8)
        return elements
    }

    static func shape(_ value: PyValue) throws -> [Int] {
        if let size = value.intValue {
            guard size >= 0 else { throw PyError.valueError("negative dimensions are not allowed") }
            return [size]
        }
        guard let items = value.sequenceItems, !items.isEmpty, items.count <= 2 else {
            throw PyError.typeError("expected a size or a (rows, columns) tuple, not '\(value.typeName)'")
        }
        return try items.map {
            guard let size = $0.intValue else { throw PyError.typeError("'\($0.typeName)' object cannot be interpreted as an integer") }
            guard size >= 0 else { throw PyError.valueError("negative dimensions are not allowed") }
            return size
        }
    }

    /// `dtype=` given as `float`, `int`, `bool`, `np.float64` or a name.
    static func dtype(_ value: PyValue?) throws -> NDType {
        guard let value, !value.isNone else { return .float64 }
        if let name = value.stringValue, let type = NDType(rawValue: name == "float" ? "float64" : name == "int" ? "int64" : name) { return type }
        if case .object(let object) = value {
            if let type = object as? PyType {
                if type === BuiltinTypes.float || type === NumPyFloat64Object.type { return .float64 }
                if type === BuiltinTypes.int { return .int64 }
                if type === BuiltinTypes.bool { return .bool }
            }
            if let dtype = object as? NumPyDType { return dtype.dtype }
        }
        throw PyError.typeError("data type not understood: \(value.typeName)")
    }
}
