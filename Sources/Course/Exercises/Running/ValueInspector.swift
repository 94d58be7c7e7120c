import CoursePython

/// Takes snapshots of interpreter values for the checks. Cycles (a list that contains
/// itself) and very deep nesting end in a short `repr` instead of recursing forever.
struct ValueInspector {
    let runtime: Runtime
    private static let maximumDepth = 12

    func inspect(_ value: PyValue) -> InspectedValue {
        var path: Set<ObjectIdentifier> = []
        return inspect(value, depth: 0, path: &path)
    }

    private func inspect(_ value: PyValue, depth: Int, path: inout Set<ObjectIdentifier>) -> InspectedValue {
        switch value {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .float(number)
        case .str(let text): return .string(text)
        case .tuple(let items):
            guard depth < Self.maximumDepth else { return opaque(value) }
            return .tuple(items.map { inspect($0, depth: depth + 1, path: &path) })
        case .list(let list):
            let id = ObjectIdentifier(list)
            guard depth < Self.maximumDepth, !path.contains(id) else { return opaque(value) }
            path.insert(id)
            defer { path.remove(id) }
            return .list(list.items.map { inspect($0, depth: depth + 1, path: &path) })
        case .dict(let dict):
            let id = ObjectIdentifier(dict)
            guard depth < Self.maximumDepth, !path.contains(id) else { return opaque(value) }
            path.insert(id)
            defer { path.remove(id) }
            return .dict(dict.pairs.map {
                InspectedValue.Entry(key: inspect($0.key, depth: depth + 1, path: &path), value: inspect($0.value, depth: depth + 1, path: &path))
            })
        case .set:
            return opaque(value)
        case .object:
            return inspectObject(value)
        }
    }

    /// numpy arrays become flat numbers with a shape; numpy scalars become numbers that keep
    /// their type name; anything else is its type name and repr.
    private func inspectObject(_ value: PyValue) -> InspectedValue {
        let typeName = value.typeName
        if typeName == "ndarray",
           let shapeValue = try? runtime.getAttribute(value, "shape"),
           let tolist = try? runtime.getAttribute(value, "tolist"),
           let list = try? runtime.call(tolist, Arguments()) {
            let shape = (shapeValue.sequenceItems ?? []).compactMap(\.intValue)
            var flat: [Double] = []
            func flatten(_ item: PyValue) {
                if let items = item.sequenceItems { items.forEach(flatten) } else if let number = item.doubleValue { flat.append(number) }
            }
            flatten(list)
            return .array(flat, shape: shape)
        }
        if typeName.hasPrefix("float") || typeName.hasPrefix("int"), let number = scalarNumber(value) {
            return .scalar(number, typeName: typeName)
        }
        return opaque(value)
    }

    /// The number a numpy scalar stands for, read from its repr (`0.5` or `np.float64(0.5)`).
    private func scalarNumber(_ value: PyValue) -> Double? {
        guard var text = try? runtime.repr(value) else { return nil }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        return Double(text)
    }

    private func opaque(_ value: PyValue) -> InspectedValue {
        .other(typeName: value.typeName, repr: (try? runtime.repr(value)) ?? "<\(value.typeName) object>")
    }
}
