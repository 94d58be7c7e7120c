import CoursePython
import Tokenizer

/// The `tiktoken` module: `get_encoding("cl100k_base")`, `encoding_for_model(model)`, and the
/// Encoding's `encode`, `decode`, `n_vocab`, `name`, over the Swift `BPEEncoding`.
enum TikTokenModule {
    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "tiktoken", doc: "Token counting as OpenAI's models see text: get_encoding, encoding_for_model.")
        module.addFunction("get_encoding", doc: "get_encoding(encoding_name): the tokenizer, e.g. get_encoding(\"cl100k_base\").") { arguments, _ in
            let bound = try arguments.bind("get_encoding", ["encoding_name"])
            guard let name = bound["encoding_name"]?.stringValue else { throw PyError.typeError("encoding_name must be a str") }
            return try encodingObject { () throws(TokenizerError) in try BPEEncoding.named(name) }
        }
        module.addFunction("encoding_for_model", doc: "encoding_for_model(model_name): the tokenizer a model uses.") { arguments, _ in
            let bound = try arguments.bind("encoding_for_model", ["model_name"])
            guard let name = bound["model_name"]?.stringValue else { throw PyError.typeError("model_name must be a str") }
            return try encodingObject { () throws(TokenizerError) in try BPEEncoding.forModel(name) }
        }
        module.namespace["Encoding"] = .object(EncodingObject.type)
        return module
    }

    private static func encodingObject(_ load: () throws(TokenizerError) -> BPEEncoding) throws -> PyValue {
        do {
            return .object(EncodingObject(try load()))
        } catch {
            switch error {
            case .unknownModel, .encodingNotShipped: throw PyError(BuiltinTypes.keyError, error.description)
            case .unknownEncoding: throw PyError.valueError(error.description)
            default: throw PyError.runtimeError(error.description)
            }
        }
    }
}

/// A tiktoken `Encoding`: `encode(text)`, `decode(tokens)`, `n_vocab`, `name`.
final class EncodingObject: PythonObject {
    let encoding: BPEEncoding

    init(_ encoding: BPEEncoding) { self.encoding = encoding }

    static let type = PyType(
        name: "Encoding", module: "tiktoken.core",
        doc: "A tokenizer: encode(text) -> list of token ids, decode(tokens) -> text, n_vocab, name.",
        methods: [
            "encode": { me, arguments, runtime in
                let bound = try arguments.bind("encode", ["text", .optionalKeyword("allowed_special"), .optionalKeyword("disallowed_special")])
                guard let text = bound["text"]?.stringValue else { throw PyError.typeError("encode() argument 'text' must be str, not \(bound["text"]?.typeName ?? "None")") }
                let tokens = try unwrap(me).encoding.encode(text)
                try runtime.reserveItems(tokens.count)
                return .makeList(tokens.map(PyValue.int))
            },
            "decode": { me, arguments, runtime in
                let bound = try arguments.bind("decode", ["tokens"])
                let items = try runtime.iterate(bound["tokens"] ?? .none)
                let tokens = try items.map { item -> Int in
                    guard let id = item.intValue else { throw PyError.typeError("'\(item.typeName)' object cannot be interpreted as an integer") }
                    return id
                }
                do {
                    return .str(try unwrap(me).encoding.decode(tokens))
                } catch let error as TokenizerError {
                    throw PyError(BuiltinTypes.keyError, error.description)
                }
            },
        ]
    )

    static func unwrap(_ value: PyValue) throws -> EncodingObject {
        guard let object = value.native(as: EncodingObject.self) else { throw PyError.typeError("expected a tiktoken Encoding, not '\(value.typeName)'") }
        return object
    }

    var pythonType: PyType { EncodingObject.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "name": return .str(encoding.name)
        case "n_vocab": return .int(encoding.vocabularySize)
        default: return nil
        }
    }

    func attributeNames() -> [String] { ["n_vocab", "name"] }
    func repr(runtime: Runtime) throws -> String? { "<Encoding '\(encoding.name)'>" }
}
