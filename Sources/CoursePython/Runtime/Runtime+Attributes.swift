/// Attribute access: object attributes, then type methods bound to the object.
extension Runtime {
    /// `value.name`, raising AttributeError with a "Did you mean" suggestion.
    public func getAttribute(_ value: PyValue, _ name: String) throws -> PyValue {
        if let found = try lookupAttribute(value, name) { return found }
        throw attributeError(value, name)
    }

    /// `value.name`, or nil when there is no such attribute.
    public func lookupAttribute(_ value: PyValue, _ name: String) throws -> PyValue? {
        if case .object(let o) = value, let found = try o.attribute(name, runtime: self) { return found }
        let type = value.pythonType
        if let method = type.method(named: name) {
            return .object(PyNativeFunction(method: name, of: value, qualifiedName: "\(type.qualifiedName).\(name)") { arguments, runtime in
                try method(value, arguments, runtime)
            })
        }
        if name == "__class__" { return .object(type) }
        return nil
    }

    func attributeError(_ value: PyValue, _ name: String) -> PyError {
        let message: String
        if case .object(let o) = value, let module = o as? PyModule {
            message = "module '\(module.name)' has no attribute '\(name)'"
        } else if case .object(let o) = value, let type = o as? PyType {
            message = "type object '\(type.name)' has no attribute '\(name)'"
        } else {
            message = "'\(value.typeName)' object has no attribute '\(name)'"
        }
        let error = PyError.attributeError(message)
        error.exception.suggestion = Suggestions.closest(to: name, among: attributeNames(of: value))
        return error
    }

    /// `value.name = newValue`.
    public func setAttribute(_ value: PyValue, _ name: String, _ newValue: PyValue) throws {
        if case .object(let o) = value, try o.setAttribute(name, to: newValue, runtime: self) { return }
        if (try? lookupAttribute(value, name)) != nil {
            throw PyError.attributeError("'\(value.typeName)' object attribute '\(name)' is read-only")
        }
        throw PyError.attributeError("'\(value.typeName)' object has no attribute '\(name)'")
    }

    /// The names `dir(value)` lists: the object's attributes and its type's methods, sorted.
    public func attributeNames(of value: PyValue) -> [String] {
        var names = Set(value.pythonType.allMethodNames)
        if case .object(let o) = value { names.formUnion(o.attributeNames()) }
        return names.sorted()
    }
}
