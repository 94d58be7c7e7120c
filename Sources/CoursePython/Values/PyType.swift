/// A method of a native type: receives the object it was looked up on (`self`).
public typealias NativeMethod = (_ self: PyValue, _ arguments: Arguments, _ runtime: Runtime) throws -> PyValue

/// A Python type object: what `type(x)` returns, what `isinstance` and `except` match, and for
/// host types, the table of methods the runtime binds on attribute lookup.
public final class PyType: PythonObject, @unchecked Sendable {
    /// The name messages show (`'CreateEmbeddingResponse' object is not subscriptable`).
    public let name: String
    /// The module shown in `repr` (`<class 'openai.RateLimitError'>`); nil for builtins.
    public let module: String?
    /// The base class (`RateLimitError` → `APIStatusError`); nil only for `object`.
    public let base: PyType?
    /// Text for `help()`.
    public let doc: String
    /// Methods bound on attribute lookup of instances (`arr.tolist`, `resp.model_dump`).
    public let methods: [String: NativeMethod]
    /// Attributes of the type itself (`np.ndarray.shape` is not needed; constants are).
    public let classAttributes: [String: PyValue]
    let constructor: ((Arguments, Runtime) throws -> PyValue)?

    /// Creates a type. `constructor` runs for `TypeName(...)`; without one the type is not callable
    /// from Python (CPython: "cannot create 'X' instances").
    public init(
        name: String, module: String? = nil, base: PyType? = BuiltinTypes.object, doc: String = "",
        methods: [String: NativeMethod] = [:], classAttributes: [String: PyValue] = [:],
        constructor: ((Arguments, Runtime) throws -> PyValue)? = nil
    ) {
        self.name = name
        self.module = module
        self.base = base
        self.doc = doc
        self.methods = methods
        self.classAttributes = classAttributes
        self.constructor = constructor
    }

    init(root name: String) {
        self.name = name; module = nil; base = nil; doc = "The base class of all types."
        methods = [:]; classAttributes = [:]; constructor = nil
    }

    /// Creates an exception class below `base`, for `raise` from the host and `except` in Python.
    /// Calling it from Python makes a `PyExceptionObject` holding the arguments.
    public static func exceptionClass(name: String, module: String?, base: PyType, doc: String = "") -> PyType {
        PyType(name: name, module: module, base: base, doc: doc)
    }

    /// The dotted name used in reprs: `openai.RateLimitError`, or `int` for builtins.
    public var qualifiedName: String {
        if let module { return "\(module).\(name)" }
        return name
    }

    /// True when this type is `other` or derives from it.
    public func isSubtype(of other: PyType) -> Bool {
        var current: PyType? = self
        while let type = current {
            if type === other { return true }
            current = type.base
        }
        return false
    }

    /// True for BaseException and everything below it.
    public var isExceptionType: Bool { isSubtype(of: BuiltinTypes.baseException) }

    /// Finds a method on this type or its bases.
    public func method(named name: String) -> NativeMethod? {
        var current: PyType? = self
        while let type = current {
            if let m = type.methods[name] { return m }
            current = type.base
        }
        return nil
    }

    /// Method names of this type and its bases (for `dir`).
    public var allMethodNames: [String] {
        var names: Set<String> = []
        var current: PyType? = self
        while let type = current {
            names.formUnion(type.methods.keys)
            names.formUnion(type.classAttributes.keys)
            current = type.base
        }
        return names.sorted()
    }

    // MARK: PythonObject

    public var pythonType: PyType { BuiltinTypes.type }

    public func call(_ arguments: Arguments, runtime: Runtime) throws -> PyValue? {
        if constructor == nil, isExceptionType {
            return .object(PyExceptionObject(type: self, args: arguments.positional))
        }
        guard let constructor else {
            throw PyError.typeError("cannot create '\(qualifiedName)' instances")
        }
        return try constructor(arguments, runtime)
    }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        var current: PyType? = self
        while let type = current {
            if let value = type.classAttributes[name] { return value }
            current = type.base
        }
        if name == "__name__" { return .str(self.name) }
        if let method = method(named: name) {
            // `str.lower`: the method unbound, taking the object as its first argument.
            let typeName = self.name
            return .object(PyNativeFunction(name: name, qualifiedName: "\(qualifiedName).\(name)") { arguments, runtime in
                guard let first = arguments.positional.first else {
                    throw PyError.typeError("unbound method \(typeName).\(name)() needs an argument")
                }
                return try method(first, Arguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords), runtime)
            })
        }
        return nil
    }

    public func attributeNames() -> [String] { allMethodNames }

    public func repr(runtime: Runtime) throws -> String? { "<class '\(qualifiedName)'>" }

    public var helpText: String? {
        var text = "class \(qualifiedName)"
        if !doc.isEmpty { text += "\n    \(doc)" }
        let methods = allMethodNames.filter { !$0.hasPrefix("_") }
        if !methods.isEmpty { text += "\n    Methods: \(methods.joined(separator: ", "))" }
        return text
    }
}
