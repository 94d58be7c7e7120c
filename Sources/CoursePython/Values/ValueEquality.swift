/// Python `==` on plain data, shared by dict keys, sets and host-side checks.
enum ValueEquality {
    static func plainEquals(_ a: PyValue, _ b: PyValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int, .float), (.float, .int), (.bool, .int), (.int, .bool), (.bool, .float), (.float, .bool):
            return numericEquals(a, b)
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { plainEquals($0, $1) }
        case (.list(let x), .list(let y)):
            return x === y || (x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { plainEquals($0, $1) })
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.pairs {
                guard let key = HashKey.make(k), let other = y.get(key), plainEquals(v, other) else { return false }
            }
            return true
        case (.set(let x), .set(let y)):
            return x.count == y.count && x.elements.allSatisfy { e in HashKey.make(e).map(y.contains) ?? false }
        case (.object(let x), .object(let y)):
            return x === y || ((x as? PyEquatableObject)?.isEqual(to: y) ?? false)
        default:
            return false
        }
    }

    static func numericEquals(_ a: PyValue, _ b: PyValue) -> Bool {
        if let x = a.intValue, let y = b.intValue { return x == y }
        guard let x = a.doubleValue, let y = b.doubleValue else { return false }
        return x == y
    }
}

/// Host objects that compare by value (e.g. a type object compares by identity; a small
/// record might compare by content) adopt this so dict keys and `==` agree.
public protocol PyEquatableObject: PythonObject {
    func isEqual(to other: any PythonObject) -> Bool
}
