/// `repr`, `str` and truth values.
extension Runtime {
    /// `repr(value)` as CPython prints it.
    public func repr(_ value: PyValue) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return Formatting.reprFloat(d)
        case .str(let s): return Formatting.reprString(s)
        case .tuple(let items):
            if items.count == 1 { return "(\(try repr(items[0])),)" }
            return "(" + (try items.map { try repr($0) }.joined(separator: ", ")) + ")"
        case .list(let list):
            return try guardRecursion(list) {
                "[" + (try list.items.map { try repr($0) }.joined(separator: ", ")) + "]"
            } ?? "[...]"
        case .dict(let dict):
            return try guardRecursion(dict) {
                "{" + (try dict.pairs.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
            } ?? "{...}"
        case .set(let set):
            if set.count == 0 { return "set()" }
            return "{" + (try set.elements.map { try repr($0) }.joined(separator: ", ")) + "}"
        case .object(let object):
            if let text = try object.repr(runtime: self) { return text }
            let type = object.pythonType
            return "<\(type.qualifiedName) object>"
        }
    }

    /// `str(value)`: like `repr` except for strings, and objects with their own `str`.
    public func str(_ value: PyValue) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let object):
            if let text = try object.str(runtime: self) { return text }
            return try repr(value)
        default:
            return try repr(value)
        }
    }

    private func guardRecursion(_ container: AnyObject, _ body: () throws -> String) throws -> String? {
        let id = ObjectIdentifier(container)
        if reprInProgress.contains(id) { return nil }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        try step()
        return try body()
    }

    /// Python truthiness (`if value:`).
    public func isTruthy(_ value: PyValue) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .dict(let d): return d.count != 0
        case .set(let s): return s.count != 0
        case .object(let o):
            if let b = try o.truthValue(runtime: self) { return b }
            if let n = try o.length(runtime: self) { return n != 0 }
            return true
        }
    }
}
