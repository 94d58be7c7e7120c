/// The body of a native (Swift) function callable from Python.
public typealias NativeFunctionBody = (_ arguments: Arguments, _ runtime: Runtime) throws -> PyValue

/// A native function or bound native method (`len`, `np.dot`, `client.embeddings.create`).
public final class PyNativeFunction: PythonObject {
    public let name: String
    /// The dotted name recorded in call logs and shown by `help` (`numpy.dot`).
    public let qualifiedName: String
    public let doc: String
    let body: NativeFunctionBody
    /// For bound methods: the object the method was looked up on.
    public let boundSelf: PyValue?

    public init(name: String, qualifiedName: String? = nil, doc: String = "", body: @escaping NativeFunctionBody) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.doc = doc
        self.body = body
        self.boundSelf = nil
    }

    init(method name: String, of owner: PyValue, qualifiedName: String, body: @escaping NativeFunctionBody) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.doc = ""
        self.body = body
        self.boundSelf = owner
    }

    public var pythonType: PyType { BuiltinTypes.builtinFunction }

    public func call(_ arguments: Arguments, runtime: Runtime) throws -> PyValue? {
        try runtime.callNative(self, arguments)
    }

    public func repr(runtime: Runtime) throws -> String? {
        if let boundSelf {
            if case .object(let o) = boundSelf, o is PyModule { return "<built-in function \(name)>" }
            return "<built-in method \(name) of \(boundSelf.typeName) object>"
        }
        return "<built-in function \(name)>"
    }

    public var helpText: String? { doc.isEmpty ? nil : "\(qualifiedName)(...)\n    \(doc)" }
}

/// A module: a namespace of values (`math`, `numpy`, `scipy.spatial`).
public final class PyModule: PythonObject {
    public let name: String
    public let doc: String
    /// The module's attributes; hosts fill this when building the module.
    public var namespace: [String: PyValue]

    public init(name: String, doc: String = "", namespace: [String: PyValue] = [:]) {
        self.name = name
        self.doc = doc
        self.namespace = namespace
    }

    /// Adds a native function, named `module.name` in call records.
    public func addFunction(_ name: String, doc: String = "", _ body: @escaping NativeFunctionBody) {
        namespace[name] = .object(PyNativeFunction(name: name, qualifiedName: "\(self.name).\(name)", doc: doc, body: body))
    }

    public var pythonType: PyType { BuiltinTypes.module }
    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        if name == "__name__" { return .str(self.name) }
        return namespace[name]
    }
    public func setAttribute(_ name: String, to value: PyValue, runtime: Runtime) throws -> Bool {
        namespace[name] = value
        return true
    }
    public func attributeNames() -> [String] { namespace.keys.sorted() }
    public func repr(runtime: Runtime) throws -> String? { "<module '\(name)'>" }
    public var helpText: String? {
        let names = namespace.keys.filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
        return "Module \(name)\(doc.isEmpty ? "" : ": \(doc)")\nContents: \(names)"
    }
}
