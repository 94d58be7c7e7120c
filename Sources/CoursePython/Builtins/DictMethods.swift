/// The methods of `dict` and `set`.
enum DictMethods {
    static func dict(_ v: PyValue) -> PyDict {
        if case .dict(let d) = v { return d }
        return PyDict()
    }

    nonisolated(unsafe) static let table: [String: NativeMethod] = [
        "keys": { v, a, r in
            try a.expectExactly(0, "dict.keys")
            return .object(DictView(dict(v), kind: .keys))
        },
        "values": { v, a, r in
            try a.expectExactly(0, "dict.values")
            return .object(DictView(dict(v), kind: .values))
        },
        "items": { v, a, r in
            try a.expectExactly(0, "dict.items")
            return .object(DictView(dict(v), kind: .items))
        },
        "get": { v, a, r in
            try a.expectAtMost(2, "get")
            guard let key = a.positional.first else { throw PyError.typeError("get expected at least 1 argument, got 0") }
            return dict(v).get(try r.hashKey(key)) ?? (a.positional.count > 1 ? a.positional[1] : .none)
        },
        "update": { v, a, r in
            let d = dict(v)
            if a.positional.count > 1 { throw PyError.typeError("update expected at most 1 argument, got \(a.positional.count)") }
            if let other = a.positional.first {
                try r.mergePairs(other, into: d)
            }
            for (k, value) in a.keywords { d.setUnchecked(.str(k), value) }
            return .none
        },
        "copy": { v, a, r in
            try a.expectExactly(0, "dict.copy")
            return .dict(dict(v).copy())
        },
        "setdefault": { v, a, r in
            try a.expectAtMost(2, "setdefault")
            guard let keyValue = a.positional.first else { throw PyError.typeError("setdefault expected at least 1 argument, got 0") }
            let d = dict(v)
            let key = try r.hashKey(keyValue)
            if let existing = d.get(key) { return existing }
            let value = a.positional.count > 1 ? a.positional[1] : .none
            d.set(key, value)
            return value
        },
        "pop": { v, a, r in
            try a.expectAtMost(2, "pop")
            guard let keyValue = a.positional.first else { throw PyError.typeError("pop expected at least 1 argument, got 0") }
            if let value = dict(v).remove(try r.hashKey(keyValue)) { return value }
            if a.positional.count > 1 { return a.positional[1] }
            throw PyError.keyError(keyValue)
        },
        "popitem": { v, a, r in
            let d = dict(v)
            guard let last = d.pairs.last else { throw PyError.keyError(.str("popitem(): dictionary is empty")) }
            d.remove(HashKey(unchecked: last.key))
            return .tuple([last.key, last.value])
        },
        "clear": { v, a, r in
            dict(v).removeAll()
            return .none
        },
    ]
}

enum SetMethods {
    static func set(_ v: PyValue) -> PySet {
        if case .set(let s) = v { return s }
        return PySet()
    }

    nonisolated(unsafe) static let table: [String: NativeMethod] = [
        "add": { v, a, r in
            try a.expectExactly(1, "set.add")
            set(v).insert(try r.hashKey(a.positional[0]))
            return .none
        },
        "discard": { v, a, r in
            try a.expectExactly(1, "set.discard")
            set(v).remove(try r.hashKey(a.positional[0]))
            return .none
        },
        "remove": { v, a, r in
            try a.expectExactly(1, "set.remove")
            if !set(v).remove(try r.hashKey(a.positional[0])) { throw PyError.keyError(a.positional[0]) }
            return .none
        },
        "union": { v, a, r in
            let result = set(v).copy()
            for other in a.positional { for e in try r.iterate(other) { result.insert(try r.hashKey(e)) } }
            return .set(result)
        },
        "intersection": { v, a, r in
            var elements = set(v).elements
            for other in a.positional {
                let o = try r.makeSet(try r.iterate(other))
                elements = elements.filter { o.contains(HashKey(unchecked: $0)) }
            }
            return .set(try r.makeSet(elements))
        },
        "difference": { v, a, r in
            var elements = set(v).elements
            for other in a.positional {
                let o = try r.makeSet(try r.iterate(other))
                elements = elements.filter { !o.contains(HashKey(unchecked: $0)) }
            }
            return .set(try r.makeSet(elements))
        },
        "issubset": { v, a, r in
            try a.expectExactly(1, "set.issubset")
            let o = try r.makeSet(try r.iterate(a.positional[0]))
            return .bool(set(v).elements.allSatisfy { o.contains(HashKey(unchecked: $0)) })
        },
        "copy": { v, a, r in .set(set(v).copy()) },
    ]
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
final class DictView: PythonObject {
    enum Kind: String { case keys, values, items }
    let dict: PyDict
    let kind: Kind

    init(_ dict: PyDict, kind: Kind) { self.dict = dict; self.kind = kind }

    static let types: [Kind: PyType] = [
        .keys: PyType(name: "dict_keys"), .values: PyType(name: "dict_values"), .items: PyType(name: "dict_items"),
    ]

    var pythonType: PyType { Self.types[kind]! }

    var values: [PyValue] {
        switch kind {
        case .keys: return dict.orderedKeys
        case .values: return dict.orderedValues
        case .items: return dict.pairs.map { .tuple([$0.key, $0.value]) }
        }
    }

    func length(runtime: Runtime) throws -> Int? { dict.count }
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { ArrayIterator(values, typeLabel: "dict_\(kind == .items ? "item" : String(kind.rawValue.dropLast()))iterator") }
    func repr(runtime: Runtime) throws -> String? {
        "dict_\(kind.rawValue)([" + (try values.map { try runtime.repr($0) }.joined(separator: ", ")) + "])"
    }
    func contains(_ value: PyValue, runtime: Runtime) throws -> Bool? {
        switch kind {
        case .keys: return dict.get(try runtime.hashKey(value)) != nil
        default:
            for v in values where try runtime.equals(v, value) { return true }
            return false
        }
    }
}
