import CoursePython

/// A response model of the openai SDK (`CreateEmbeddingResponse`, `Embedding`, `Usage`): fields
/// in the SDK's order with attribute access, pydantic's repr, `model_dump()`,
/// `model_dump_json(indent=)`, `to_dict()` and `to_json()`.
public final class PydanticModelObject: PythonObject {
    public let type: PyType
    /// Field names and values, in declaration order (the order `model_dump` keeps).
    public private(set) var fields: [(name: String, value: PyValue)]

    init(type: PyType, fields: [(name: String, value: PyValue)]) {
        self.type = type
        self.fields = fields
    }

    public var pythonType: PyType { type }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        fields.first { $0.name == name }?.value
    }

    public func setAttribute(_ name: String, to value: PyValue, runtime: Runtime) throws -> Bool {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return false }
        fields[index].value = value
        return true
    }

    public func attributeNames() -> [String] { fields.map(\.name) }

    public func repr(runtime: Runtime) throws -> String? {
        let inner = try fields.map { "\($0.name)=\(try runtime.repr($0.value))" }.joined(separator: ", ")
        return "\(type.name)(\(inner))"
    }

    public var helpText: String? {
        "\(type.name): fields \(fields.map(\.name).joined(separator: ", ")). "
            + "Read them as attributes (response.data[0].embedding); model_dump() gives a dict, model_dump_json() JSON text."
    }

    /// The dict `model_dump()` returns: nested models become dicts, lists are copied.
    func dump() -> PyValue {
        .makeDict(fields.map { ($0.name, PydanticModelObject.dump($0.value)) })
    }

    private static func dump(_ value: PyValue) -> PyValue {
        switch value {
        case .object(let object):
            if let model = object as? PydanticModelObject { return model.dump() }
            return value
        case .list(let list): return .makeList(list.items.map(dump))
        case .tuple(let items): return .tuple(items.map(dump))
        default: return value
        }
    }

    /// The shared base type with the pydantic methods.
    static let baseModel = PyType(
        name: "BaseModel", module: "openai",
        doc: "A response model of the openai SDK: attributes, model_dump(), model_dump_json(), to_dict(), to_json().",
        methods: [
            "model_dump": { me, arguments, _ in
                _ = try arguments.bind("model_dump", [.optionalKeyword("mode")])
                return try unwrap(me).dump()
            },
            "to_dict": { me, arguments, _ in
                _ = try arguments.bind("to_dict", [.optionalKeyword("mode")])
                return try unwrap(me).dump()
            },
            "model_dump_json": { me, arguments, runtime in
                let bound = try arguments.bind("model_dump_json", [.optionalKeyword("indent")])
                return try json(unwrap(me), indent: bound["indent"], runtime: runtime)
            },
            "to_json": { me, arguments, runtime in
                let bound = try arguments.bind("to_json", [.optionalKeyword("indent")])
                return try json(unwrap(me), indent: bound["indent"] ?? .int(2), runtime: runtime)
            },
        ]
    )

    private static func unwrap(_ value: PyValue) throws -> PydanticModelObject {
        guard let model = value.native(as: PydanticModelObject.self) else {
            throw PyError.typeError("expected an openai response object, not '\(value.typeName)'")
        }
        return model
    }

    /// pydantic's JSON: compact (`,` and `:`) without indent, two-space style with it, floats as pydantic-core spells them.
    private static func json(_ model: PydanticModelObject, indent: PyValue?, runtime: Runtime) throws -> PyValue {
        var writer: JSONWriter
        if let indent, let count = indent.intValue {
            writer = JSONWriter(indent: String(repeating: " ", count: max(0, count)), separators: (",", ": "), ensureASCII: false)
        } else {
            writer = JSONWriter(separators: (",", ":"), ensureASCII: false)
        }
        writer.floatStyle = .pydantic
        var converter = JSONConversion(runtime: runtime, fallback: nil)
        let document = try converter.json(from: model.dump())
        do {
            return .str(try writer.write(document))
        } catch {
            throw PyError.valueError(error.message)
        }
    }
}
