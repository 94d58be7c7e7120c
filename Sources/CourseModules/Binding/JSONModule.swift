import CoursePython

/// The `json` module: `dumps` and `loads` with CPython's options, output and errors.
enum JSONModule {
    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "json", doc: "JSON text to and from Python values: dumps, loads.")
        let decodeError = PyType.exceptionClass(name: "JSONDecodeError", module: "json", base: BuiltinTypes.valueError,
                                                doc: "A document that is not valid JSON; msg, pos, lineno and colno say where.")
        module.namespace["JSONDecodeError"] = .object(decodeError)
        module.addFunction("dumps", doc: "dumps(obj, indent=None, sort_keys=False, separators=None, ensure_ascii=True): the JSON text of obj.") { arguments, runtime in
            let bound = try arguments.bind("dumps", ["obj", .optionalKeyword("indent"), .optionalKeyword("sort_keys"), .optionalKeyword("separators"),
                                                    .optionalKeyword("ensure_ascii"), .optionalKeyword("allow_nan"), .optionalKeyword("default")])
            var indent: String?
            if let value = bound["indent"], !value.isNone {
                if let text = value.stringValue { indent = text } else if let count = value.intValue { indent = String(repeating: " ", count: max(0, count)) } else {
                    throw PyError.typeError("indent must be an int or a str, not \(value.typeName)")
                }
            }
            var separators: (item: String, key: String)?
            if let value = bound["separators"], !value.isNone {
                guard let pair = value.sequenceItems, pair.count == 2, let item = pair[0].stringValue, let key = pair[1].stringValue else {
                    throw PyError.valueError("separators must be an (item_separator, key_separator) pair of strings")
                }
                separators = (item, key)
            }
            let writer = JSONWriter(indent: indent, separators: separators, sortKeys: try truth(bound["sort_keys"], runtime, default: false),
                                    ensureASCII: try truth(bound["ensure_ascii"], runtime, default: true),
                                    allowNaN: try truth(bound["allow_nan"], runtime, default: true))
            var converter = JSONConversion(runtime: runtime, fallback: bound["default"].flatMap { $0.isNone ? nil : $0 })
            let document = try converter.json(from: bound["obj"] ?? .none)
            do {
                return .str(try writer.write(document))
            } catch let error as JSONError {
                throw PyError.valueError(error.message)
            }
        }
        module.addFunction("loads", doc: "loads(s): the Python value of a JSON document.") { arguments, runtime in
            let bound = try arguments.bind("loads", ["s"])
            guard let text = bound["s"]?.stringValue else {
                throw PyError.typeError("the JSON object must be str, bytes or bytearray, not \(bound["s"]?.typeName ?? "NoneType")")
            }
            do {
                return try JSONConversion.value(from: try JSONReader.read(text), runtime: runtime)
            } catch let error as JSONError {
                throw PyError(PyExceptionObject(type: decodeError, message: error.message, attributes: [
                    "msg": .str(error.shortMessage), "doc": .str(text), "pos": .int(error.position),
                    "lineno": .int(error.line), "colno": .int(error.column),
                ]))
            }
        }
        return module
    }

    private static func truth(_ value: PyValue?, _ runtime: Runtime, default defaultValue: Bool) throws -> Bool {
        guard let value else { return defaultValue }
        return try runtime.isTruthy(value)
    }
}

/// Python values to and from `JSONValue`, with CPython's rules for keys, tuples and unknown types.
struct JSONConversion {
    let runtime: Runtime
    let fallback: PyValue?
    private var active: [ObjectIdentifier] = []

    init(runtime: Runtime, fallback: PyValue?) {
        self.runtime = runtime
        self.fallback = fallback
    }

    mutating func json(from value: PyValue) throws -> JSONValue {
        switch value {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let integer): return .integer(String(integer))
        case .float(let float): return .float(float)
        case .str(let text): return .string(text)
        case .tuple(let items): return .array(try items.map { try json(from: $0) })
        case .list(let list):
            try enter(list)
            defer { active.removeLast() }
            return .array(try list.items.map { try json(from: $0) })
        case .dict(let dict):
            try enter(dict)
            defer { active.removeLast() }
            var members: [(key: String, value: JSONValue)] = []
            for (key, item) in dict.pairs {
                members.append((try keyText(key), try json(from: item)))
            }
            return .object(members)
        case .object(let object):
            if let scalar = object as? NumPyFloat64Object { return .float(scalar.value) }
            if object.pythonType === BuiltinTypes.int { return .integer(try runtime.repr(value)) }
            if let fallback {
                return try json(from: try runtime.call(fallback, value))
            }
            throw PyError.typeError("Object of type \(value.typeName) is not JSON serializable")
        case .set:
            if let fallback { return try json(from: try runtime.call(fallback, value)) }
            throw PyError.typeError("Object of type \(value.typeName) is not JSON serializable")
        }
    }

    private mutating func enter(_ container: AnyObject) throws {
        let identifier = ObjectIdentifier(container)
        if active.contains(identifier) { throw PyError.valueError("Circular reference detected") }
        active.append(identifier)
    }

    private func keyText(_ key: PyValue) throws -> String {
        switch key {
        case .str(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let integer): return String(integer)
        case .float(let float):
            if float.isNaN { return "NaN" }
            if float.isInfinite { return float < 0 ? "-Infinity" : "Infinity" }
            return PythonFloatRepr.string(float)
        case .none: return "null"
        default: throw PyError.typeError("keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    static func value(from json: JSONValue, runtime: Runtime) throws -> PyValue {
        switch json {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .integer(let digits):
            guard let integer = Int(digits) else { return try runtime.call(.object(BuiltinTypes.int), .str(digits)) }
            return .int(integer)
        case .float(let float): return .float(float)
        case .string(let text): return .str(text)
        case .array(let items):
            try runtime.reserveItems(items.count)
            return .makeList(try items.map { try value(from: $0, runtime: runtime) })
        case .object(let members):
            try runtime.reserveItems(members.count)
            return .makeDict(try members.map { ($0.key, try value(from: $0.value, runtime: runtime)) })
        }
    }
}
