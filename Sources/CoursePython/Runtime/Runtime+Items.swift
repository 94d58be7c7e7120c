/// Subscripting: `a[i]`, `a[i:j:k]`, `d[key]`, assignment and deletion.
extension Runtime {
    /// `container[key]`.
    public func getItem(_ container: PyValue, _ key: PyValue) throws -> PyValue {
        switch container {
        case .list(let l):
            if case .int(let i) = key {
                let index = i < 0 ? i + l.items.count : i
                guard index >= 0 && index < l.items.count else { throw PyError.indexError("list index out of range") }
                return l.items[index]
            }
            if let slice = Self.slice(key) { return .list(PyList(try slice.offsets(length: l.items.count).map { l.items[$0] })) }
            return l.items[try indexOf(key, "list", count: l.items.count)]
        case .tuple(let t):
            if let slice = Self.slice(key) { return .tuple(try slice.offsets(length: t.count).map { t[$0] }) }
            return t[try indexOf(key, "tuple", count: t.count)]
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let slice = Self.slice(key) {
                var out = String.UnicodeScalarView()
                for i in try slice.offsets(length: scalars.count) { out.append(scalars[i]) }
                return .str(String(out))
            }
            let i = try indexOf(key, "string", count: scalars.count)
            return .str(String(scalars[i]))
        case .dict(let d):
            if let value = d.get(try hashKey(key)) { return value }
            let error = PyError.keyError(key)
            if case .str(let name) = key {
                let candidates = d.orderedKeys.compactMap(\.stringValue)
                if let suggestion = Suggestions.closest(to: name, among: candidates) {
                    error.exception.hint = "Did you mean: \(Formatting.reprString(suggestion))? (keys: \(candidates.prefix(8).map(Formatting.reprString).joined(separator: ", "))\(candidates.count > 8 ? ", …" : ""))"
                }
            }
            throw error
        case .object(let o):
            if let value = try o.getItem(key, runtime: self) { return value }
            if let type = o as? PyType, type === BuiltinTypes.list || type === BuiltinTypes.dict || type === BuiltinTypes.tuple || type === BuiltinTypes.set {
                return container
            }
        default: break
        }
        throw PyError.typeError("'\(container.typeName)' object is not subscriptable")
    }

    static func slice(_ key: PyValue) -> PySlice? {
        if case .object(let o) = key { return o as? PySlice }
        return nil
    }

    /// Resolves a (possibly negative) integer index, with CPython's IndexError/TypeError.
    private func indexOf(_ key: PyValue, _ kind: String, count: Int) throws -> Int {
        guard let i = key.intValue else {
            let noun = kind == "string" ? "string" : kind
            if kind == "string" { throw PyError.typeError("string indices must be integers, not '\(key.typeName)'") }
            throw PyError.typeError("\(noun) indices must be integers or slices, not \(key.typeName)")
        }
        let index = i < 0 ? i + count : i
        guard index >= 0 && index < count else { throw PyError.indexError("\(kind) index out of range") }
        return index
    }

    /// `container[key] = value`.
    public func setItem(_ container: PyValue, _ key: PyValue, _ value: PyValue) throws {
        switch container {
        case .list(let l):
            if let slice = Self.slice(key) {
                let replacement = try iterate(value)
                let (start, stop, step, count) = try slice.indices(length: l.items.count)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: replacement)
                } else {
                    guard replacement.count == count else {
                        throw PyError.valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(count)")
                    }
                    for (n, i) in try slice.offsets(length: l.items.count).enumerated() { l.items[i] = replacement[n] }
                }
                return
            }
            guard let i = key.intValue else {
                throw PyError.typeError("list indices must be integers or slices, not \(key.typeName)")
            }
            let index = i < 0 ? i + l.items.count : i
            guard index >= 0 && index < l.items.count else { throw PyError.indexError("list assignment index out of range") }
            l.items[index] = value
        case .dict(let d):
            d.set(try hashKey(key), value)
        case .object(let o):
            if try o.setItem(key, to: value, runtime: self) { return }
            throw PyError.typeError("'\(container.typeName)' object does not support item assignment")
        default:
            throw PyError.typeError("'\(container.typeName)' object does not support item assignment")
        }
    }

    /// `del container[key]`.
    public func deleteItem(_ container: PyValue, _ key: PyValue) throws {
        switch container {
        case .list(let l):
            if let slice = Self.slice(key) {
                let doomed = Set(try slice.offsets(length: l.items.count))
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            guard let i = key.intValue else {
                throw PyError.typeError("list indices must be integers or slices, not \(key.typeName)")
            }
            let index = i < 0 ? i + l.items.count : i
            guard index >= 0 && index < l.items.count else { throw PyError.indexError("list assignment index out of range") }
            l.items.remove(at: index)
        case .dict(let d):
            if d.remove(try hashKey(key)) == nil { throw PyError.keyError(key) }
        default:
            throw PyError.typeError("'\(container.typeName)' object doesn't support item deletion")
        }
    }

    /// `len(value)`.
    public func length(_ value: PyValue) throws -> Int {
        switch value {
        case .str(let s): return s.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .set(let s): return s.count
        case .object(let o):
            if let n = try o.length(runtime: self) { return n }
        default: break
        }
        throw PyError.typeError("object of type '\(value.typeName)' has no len()")
    }

    // MARK: iteration

    /// An iterator over `value` (`iter(value)`), or CPython's "is not iterable" TypeError.
    public func makeIterator(_ value: PyValue) throws -> any PyIterator {
        switch value {
        case .list(let l): return ListIterator(l)
        case .tuple(let t): return ArrayIterator(t, typeLabel: "tuple_iterator")
        case .str(let s): return ArrayIterator(s.unicodeScalars.map { .str(String($0)) }, typeLabel: "str_iterator")
        case .dict(let d): return ArrayIterator(d.orderedKeys, typeLabel: "dict_keyiterator")
        case .set(let s): return ArrayIterator(s.elements, typeLabel: "set_iterator")
        case .object(let o):
            if let iterator = try o.makeIterator(runtime: self) { return iterator }
        default: break
        }
        throw PyError.typeError("'\(value.typeName)' object is not iterable")
    }

    /// All values of an iterable, in order (`list(value)`), within the memory budget.
    public func iterate(_ value: PyValue) throws -> [PyValue] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .dict(let d): return d.orderedKeys
        case .set(let s): return s.elements
        case .object(let o):
            if let range = o as? PyRange {
                try reserveItems(range.count)
                return (0..<range.count).map { .int(range.element($0)) }
            }
        default: break
        }
        let iterator = try makeIterator(value)
        var items: [PyValue] = []
        while let item = try iterator.next(runtime: self) {
            items.append(item)
            if items.count & 0xFFFF == 0 { try reserveItems(items.count); try step() }
        }
        return items
    }
}
