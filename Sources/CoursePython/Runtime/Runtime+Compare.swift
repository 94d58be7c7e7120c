/// Equality and ordering with CPython's rules and messages.
extension Runtime {
    /// Python `a == b` (host objects may define their own).
    public func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.list(let x), .list(let y)):
            if x === y { return true }
            guard x.items.count == y.items.count else { return false }
            for (p, q) in zip(x.items, y.items) where !(try equals(p, q)) { return false }
            return true
        case (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try equals(p, q)) { return false }
            return true
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.pairs {
                guard let other = y.get(HashKey(unchecked: k)), try equals(v, other) else { return false }
            }
            return true
        case (.object(let o), _):
            if let r = try o.compare(.equal, b, runtime: self) { return try isTruthy(r) }
            if case .object(let p) = b, let r = try p.compare(.equal, a, runtime: self) { return try isTruthy(r) }
            return ValueEquality.plainEquals(a, b)
        case (_, .object(let p)):
            if let r = try p.compare(.equal, a, runtime: self) { return try isTruthy(r) }
            return false
        default:
            return ValueEquality.plainEquals(a, b)
        }
    }

    /// `a <op> b` as a value (host objects such as arrays may return non-bool results).
    public func compare(_ op: CompareOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        if case .object(let o) = a, let r = try o.compare(op, b, runtime: self) { return r }
        if case .object(let o) = b, let r = try o.compare(op.swapped, a, runtime: self) { return r }
        switch op {
        case .equal: return .bool(try equals(a, b))
        case .notEqual: return .bool(!(try equals(a, b)))
        default: return .bool(try lessThanFamily(op, a, b))
        }
    }

    /// Orders two values for `<`, `<=`, `>`, `>=` (and sorting).
    func lessThanFamily(_ op: CompareOperator, _ a: PyValue, _ b: PyValue) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return Self.apply(op, x, y)
        case (.float(let x), .float(let y)): return Self.apply(op, x, y)
        case (.str(let x), .str(let y)):
            return Self.apply(op, Array(x.unicodeScalars).lazy.map(\.value).map { Int($0) }, Array(y.unicodeScalars).lazy.map(\.value).map { Int($0) })
        case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y)
        default:
            if let x = a.doubleValue, let y = b.doubleValue, a.stringValue == nil {
                if let i = a.intValue, let j = b.intValue { return Self.apply(op, i, j) }
                return Self.apply(op, x, y)
            }
            if case .object(let o) = a, let r = try o.compare(op, b, runtime: self) { return try isTruthy(r) }
            if case .object(let o) = b, let r = try o.compare(op.swapped, a, runtime: self) { return try isTruthy(r) }
            throw PyError.typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private static func apply<T: Comparable>(_ op: CompareOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        case .notEqual: return x != y
        }
    }

    private static func apply<S: Sequence>(_ op: CompareOperator, _ x: S, _ y: S) -> Bool where S.Element == Int {
        let a = Array(x), b = Array(y)
        let less = a.lexicographicallyPrecedes(b)
        let equal = a == b
        switch op {
        case .less: return less
        case .lessEqual: return less || equal
        case .greater: return !less && !equal
        case .greaterEqual: return !less
        case .equal: return equal
        case .notEqual: return !equal
        }
    }

    private func sequenceOrder(_ op: CompareOperator, _ x: [PyValue], _ y: [PyValue]) throws -> Bool {
        for (p, q) in zip(x, y) where !(try equals(p, q)) {
            return try lessThanFamily(op, p, q)
        }
        return Self.apply(op, x.count, y.count)
    }

    /// `needle in container`.
    public func contains(_ container: PyValue, _ needle: PyValue) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let n) = needle else {
                throw PyError.typeError("'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return n.isEmpty || s.contains(n)
        case .list(let l):
            for item in l.items where try equals(item, needle) { return true }
            return false
        case .tuple(let t):
            for item in t where try equals(item, needle) { return true }
            return false
        case .dict(let d): return d.get(try hashKey(needle)) != nil
        case .set(let s): return s.contains(try hashKey(needle))
        case .object(let o):
            if let r = try o.contains(needle, runtime: self) { return r }
            if try o.makeIterator(runtime: self) != nil {
                for item in try iterate(container) where try equals(item, needle) { return true }
                return false
            }
        default: break
        }
        throw PyError.typeError("argument of type '\(container.typeName)' is not iterable")
    }

    /// The dict/set key for a value, or CPython's "unhashable type" TypeError.
    public func hashKey(_ value: PyValue) throws -> HashKey {
        guard let key = HashKey.make(value) else {
            throw PyError.typeError("unhashable type: '\(unhashablePart(value).typeName)'")
        }
        return key
    }

    private func unhashablePart(_ value: PyValue) -> PyValue {
        if case .tuple(let items) = value, let bad = items.first(where: { HashKey.make($0) == nil }) { return unhashablePart(bad) }
        return value
    }

    /// Builds a set, refusing unhashable elements.
    public func makeSet(_ items: [PyValue]) throws -> PySet {
        let set = PySet()
        for item in items { set.insert(try hashKey(item)) }
        return set
    }
}
