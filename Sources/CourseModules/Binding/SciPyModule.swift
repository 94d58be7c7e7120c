import CoursePython

/// `scipy.spatial.distance`: cosine and euclidean distances between two vectors.
enum SciPyModule {
    static func loadDistance(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "scipy.spatial.distance", doc: "Distances between vectors: cosine, euclidean.")
        module.addFunction("cosine", doc: "cosine(u, v): 1 - u·v / (|u| |v|); 0 for the same direction, 1 for orthogonal, 2 for opposite.") { arguments, runtime in
            let (u, v) = try vectors(arguments, "cosine", runtime: runtime)
            return .object(NumPyFloat64Object(try PythonErrors.numpy { () throws(NumPyError) in try SpatialDistance.cosine(u, v) }))
        }
        module.addFunction("euclidean", doc: "euclidean(u, v): the straight-line distance |u - v|.") { arguments, runtime in
            let (u, v) = try vectors(arguments, "euclidean", runtime: runtime)
            return .float(try PythonErrors.numpy { () throws(NumPyError) in try SpatialDistance.euclidean(u, v) })
        }
        return module
    }

    private static func vectors(_ arguments: Arguments, _ name: String, runtime: Runtime) throws -> (NDArray, NDArray) {
        if arguments.positional.count == 2, arguments.keywords.isEmpty,
           case .object(let first) = arguments.positional[0], case .object(let second) = arguments.positional[1],
           let u = first as? NDArrayObject, let v = second as? NDArrayObject {
            return (u.array, v.array)
        }
        let bound = try arguments.bind(name, ["u", "v", .optional("w")])
        if let weights = bound["w"], !weights.isNone {
            throw PyError.typeError("\(name)() weights (w=) are not supported here")
        }
        return (try NumPyConversions.array(bound["u"] ?? .none, runtime: runtime), try NumPyConversions.array(bound["v"] ?? .none, runtime: runtime))
    }
}
