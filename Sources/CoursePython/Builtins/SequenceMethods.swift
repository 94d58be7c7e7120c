/// The methods of `list` and `tuple`.
enum SequenceMethods {
    static func list(_ v: PyValue) -> PyList {
        if case .list(let l) = v { return l }
        return PyList()
    }

    static func indexArgument(_ v: PyValue?) throws -> Int? {
        guard let v else { return nil }
        guard let i = v.intValue else {
            throw PyError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        return i
    }

    nonisolated(unsafe) static let listMethods: [String: NativeMethod] = [
        "append": { v, a, r in
            let l = list(v)
            try a.expectExactly(1, "list.append")
            if l.items.count & 0xFFFF == 0xFFFF { try r.reserveItems(l.items.count + 1) }
            l.items.append(a.positional[0])
            return .none
        },
        "extend": { v, a, r in
            let l = list(v)
            try a.expectExactly(1, "list.extend")
            let extra = try r.iterate(a.positional[0])
            try r.reserveItems(l.items.count + extra.count)
            l.items.append(contentsOf: extra)
            return .none
        },
        "insert": { v, a, r in
            let l = list(v)
            try a.expectExactly(2, "insert")
            guard let i = try indexArgument(a.positional[0]) else { return .none }
            let n = l.items.count
            let index = i < 0 ? max(0, i + n) : min(i, n)
            l.items.insert(a.positional[1], at: index)
            return .none
        },
        "pop": { v, a, r in
            let l = list(v)
            try a.expectAtMost(1, "pop")
            if l.items.isEmpty { throw PyError.indexError("pop from empty list") }
            let i = try indexArgument(a.positional.first) ?? -1
            let index = i < 0 ? i + l.items.count : i
            guard index >= 0 && index < l.items.count else { throw PyError.indexError("pop index out of range") }
            return l.items.remove(at: index)
        },
        "remove": { v, a, r in
            let l = list(v)
            try a.expectExactly(1, "list.remove")
            for (i, item) in l.items.enumerated() where try r.equals(item, a.positional[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyError.valueError("list.remove(x): x not in list")
        },
        "index": { v, a, r in
            let l = list(v)
            let b = try a.bind("index", ["value", .optional("start"), .optional("stop")])
            for (i, item) in l.items.enumerated() where try r.equals(item, b[0]!) { return .int(i) }
            throw PyError.valueError("\(try r.repr(b[0]!)) is not in list")
        },
        "count": { v, a, r in
            try a.expectExactly(1, "list.count")
            var n = 0
            for item in list(v).items where try r.equals(item, a.positional[0]) { n += 1 }
            return .int(n)
        },
        "sort": { v, a, r in
            let l = list(v)
            if !a.positional.isEmpty { throw PyError.typeError("sort() takes no positional arguments") }
            let b = try a.bind("sort", [.optionalKeyword("key"), .optionalKeyword("reverse")])
            l.items = try r.sorted(l.items, key: b["key"], reverse: try b["reverse"].map { try r.isTruthy($0) } ?? false)
            return .none
        },
        "reverse": { v, a, r in
            try a.expectExactly(0, "list.reverse")
            list(v).items.reverse()
            return .none
        },
        "copy": { v, a, r in
            try a.expectExactly(0, "list.copy")
            return .list(PyList(list(v).items))
        },
        "clear": { v, a, r in
            try a.expectExactly(0, "list.clear")
            list(v).items.removeAll()
            return .none
        },
    ]

    nonisolated(unsafe) static let tupleMethods: [String: NativeMethod] = [
        "index": { v, a, r in
            try a.expectExactly(1, "tuple.index")
            for (i, item) in (v.sequenceItems ?? []).enumerated() where try r.equals(item, a.positional[0]) { return .int(i) }
            throw PyError.valueError("tuple.index(x): x not in tuple")
        },
        "count": { v, a, r in
            try a.expectExactly(1, "tuple.count")
            var n = 0
            for item in v.sequenceItems ?? [] where try r.equals(item, a.positional[0]) { n += 1 }
            return .int(n)
        },
    ]
}

extension Runtime {
    /// A stable sort with Python ordering, an optional key function and reverse flag
    /// (shared by `sorted` and `list.sort`).
    public func sorted(_ items: [PyValue], key: PyValue?, reverse: Bool) throws -> [PyValue] {
        let keys: [PyValue]
        if let key, !key.isNone {
            keys = try items.map { try call(key, $0) }
        } else {
            keys = items
        }
        var order = Array(items.indices)
        try mergeSort(&order) { i, j in
            reverse ? try lessThanFamily(.less, keys[j], keys[i]) : try lessThanFamily(.less, keys[i], keys[j])
        }
        return order.map { items[$0] }
    }

    private func mergeSort(_ a: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        guard a.count > 1 else { return }
        var buffer = a
        var width = 1
        while width < a.count {
            var start = 0
            while start < a.count {
                let mid = min(start + width, a.count), end = min(start + 2 * width, a.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try less(a[j], a[i]) { buffer[k] = a[j]; j += 1 } else { buffer[k] = a[i]; i += 1 }
                    k += 1
                }
                while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
                while j < end { buffer[k] = a[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&a, &buffer)
            width *= 2
        }
    }
}
