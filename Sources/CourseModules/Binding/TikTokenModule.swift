import CoursePython
import Tokenizer

/// The `tiktoken` module: `get_encoding("cl100k_base")`, `encoding_for_model(model)`,
/// `encoding_name_for_model(model)`, and the Encoding's `encode` (with `allowed_special` /
/// `disallowed_special`), `encode_ordinary`, the `_batch` forms, `decode`, `n_vocab`, `name`,
/// `special_tokens_set`, `eot_token`, over the Swift `BPEEncoding`.
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
        module.addFunction("encoding_name_for_model", doc: "encoding_name_for_model(model_name): the name of the encoding a model uses.") { arguments, _ in
            let bound = try arguments.bind("encoding_name_for_model", ["model_name"])
            guard let name = bound["model_name"]?.stringValue else { throw PyError.typeError("model_name must be a str") }
            do throws(TokenizerError) {
                return .str(try BPEEncoding.encodingName(forModel: name))
            } catch {
                throw PyError(BuiltinTypes.keyError, error.description)
            }
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

/// A tiktoken `Encoding`: `encode(text)`, `encode_ordinary(text)`, `encode_batch(texts)`,
/// `encode_ordinary_batch(texts)`, `decode(tokens)`, `decode_batch(batches)`, `n_vocab`, `name`,
/// `special_tokens_set`, `eot_token`.
final class EncodingObject: PythonObject {
    let encoding: BPEEncoding

    init(_ encoding: BPEEncoding) { self.encoding = encoding }

    static let type = PyType(
        name: "Encoding", module: "tiktoken.core",
        doc: "A tokenizer: encode(text) -> list of token ids, decode(tokens) -> text, n_vocab, name.",
        methods: [
            "encode": { me, arguments, runtime in
                let bound = try arguments.bind("encode", ["text", .optionalKeyword("allowed_special"), .optionalKeyword("disallowed_special")])
                let text = try textArgument(bound["text"], function: "encode")
                let policy = try SpecialTokenPolicy(bound, encoding: try unwrap(me).encoding, runtime: runtime)
                return try tokenList(try policy.encode(text, runtime: runtime), runtime: runtime)
            },
            "encode_ordinary": { me, arguments, runtime in
                let bound = try arguments.bind("encode_ordinary", ["text"])
                return try tokenList(try unwrap(me).encoding.encode(try textArgument(bound["text"], function: "encode_ordinary")), runtime: runtime)
            },
            // The batch forms take num_threads as tiktoken does; the sandbox encodes one text
            // after another, with the same result.
            "encode_batch": { me, arguments, runtime in
                let bound = try arguments.bind("encode_batch", ["text", .optionalKeyword("num_threads"), .optionalKeyword("allowed_special"), .optionalKeyword("disallowed_special")])
                let policy = try SpecialTokenPolicy(bound, encoding: try unwrap(me).encoding, runtime: runtime)
                return .makeList(try runtime.iterate(bound["text"] ?? .none).map { item in
                    try tokenList(try policy.encode(try textArgument(item, function: "encode"), runtime: runtime), runtime: runtime)
                })
            },
            "encode_ordinary_batch": { me, arguments, runtime in
                let bound = try arguments.bind("encode_ordinary_batch", ["text", .optionalKeyword("num_threads")])
                let encoding = try unwrap(me).encoding
                return .makeList(try runtime.iterate(bound["text"] ?? .none).map { item in
                    try tokenList(encoding.encode(try textArgument(item, function: "encode_ordinary")), runtime: runtime)
                })
            },
            "decode_batch": { me, arguments, runtime in
                let bound = try arguments.bind("decode_batch", ["batch", .optionalKeyword("num_threads")])
                let encoding = try unwrap(me).encoding
                return .makeList(try runtime.iterate(bound["batch"] ?? .none).map { tokens in
                    .str(try decode(tokens, with: encoding, runtime: runtime))
                })
            },
            "decode": { me, arguments, runtime in
                let bound = try arguments.bind("decode", ["tokens"])
                return .str(try decode(bound["tokens"] ?? .none, with: try unwrap(me).encoding, runtime: runtime))
            },
        ]
    )

    /// The text of the token ids in `tokens` (any iterable of ints); an id that is no token is
    /// a KeyError, as in tiktoken.
    static func decode(_ tokens: PyValue, with encoding: BPEEncoding, runtime: Runtime) throws -> String {
        let ids = try runtime.iterate(tokens).map { item -> Int in
            guard let id = item.intValue else { throw PyError.typeError("'\(item.typeName)' object cannot be interpreted as an integer") }
            return id
        }
        do {
            return try encoding.decode(ids)
        } catch {
            throw PyError(BuiltinTypes.keyError, error.description)
        }
    }

    static func tokenList(_ tokens: [Int], runtime: Runtime) throws -> PyValue {
        try runtime.reserveItems(tokens.count)
        return .makeList(tokens.map(PyValue.int))
    }

    static func textArgument(_ value: PyValue?, function: String) throws -> String {
        guard let text = value?.stringValue else { throw PyError.typeError("\(function)() argument 'text' must be str, not \(value?.typeName ?? "None")") }
        return text
    }

    /// `allowed_special` or `disallowed_special` as a set of strings: nil when the argument is
    /// absent (the caller's default), every special token for "all", else the strings of any
    /// iterable (a set, list or tuple).
    fileprivate static func specialTokenSet(_ value: PyValue?, name: String, all: Set<String>, runtime: Runtime) throws -> Set<String>? {
        guard let value, !value.isNone else { return nil }
        if let text = value.stringValue {
            guard text == "all" else { throw PyError.typeError("\(name) must be \"all\" or a set of special tokens such as {\"<|endoftext|>\"}, not the str \(text.debugDescription)") }
            return all
        }
        return Set(try runtime.iterate(value).map { item in
            guard let token = item.stringValue else { throw PyError.typeError("\(name) must hold str items, not '\(item.typeName)'") }
            return token
        })
    }

    /// tiktoken's message for text that spells a special token `encode` was not allowed to see
    /// (`quoted`: the token's Python repr).
    static func disallowedSpecialTokenMessage(_ quoted: String) -> String {
        "Encountered text corresponding to disallowed special token \(quoted).\n"
            + "If you want this text to be encoded as a special token, pass it to `allowed_special`, e.g. `allowed_special={\(quoted), ...}`.\n"
            + "If you want this text to be encoded as normal text, disable the check for this token by passing `disallowed_special=(enc.special_tokens_set - {\(quoted)})`.\n"
            + "To disable this check for all special tokens, pass `disallowed_special=()`.\n"
    }

    static func unwrap(_ value: PyValue) throws -> EncodingObject {
        guard let object = value.native(as: EncodingObject.self) else { throw PyError.typeError("expected a tiktoken Encoding, not '\(value.typeName)'") }
        return object
    }

    var pythonType: PyType { EncodingObject.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "name": return .str(encoding.name)
        case "n_vocab": return .int(encoding.vocabularySize)
        case "special_tokens_set": return .set(try runtime.makeSet(encoding.specialTokenTexts.sorted().map(PyValue.str)))
        case "eot_token": return encoding.specialTokenID("<|endoftext|>").map(PyValue.int)
        default: return nil
        }
    }

    func attributeNames() -> [String] { ["eot_token", "n_vocab", "name", "special_tokens_set"] }
    func repr(runtime: Runtime) throws -> String? { "<Encoding '\(encoding.name)'>" }
}

/// What `encode` does with text that spells a special token, from its `allowed_special` and
/// `disallowed_special` arguments, resolved as tiktoken resolves them: the allowed become their
/// ids, any disallowed one found raises ValueError with tiktoken's message, the rest is text.
private struct SpecialTokenPolicy {
    let encoding: BPEEncoding
    let allowed: Set<String>
    let disallowed: Set<String>

    init(_ bound: BoundArguments, encoding: BPEEncoding, runtime: Runtime) throws {
        self.encoding = encoding
        let all = encoding.specialTokenTexts
        allowed = try EncodingObject.specialTokenSet(bound["allowed_special"], name: "allowed_special", all: all, runtime: runtime) ?? []
        disallowed = try EncodingObject.specialTokenSet(bound["disallowed_special"], name: "disallowed_special", all: all, runtime: runtime) ?? all.subtracting(allowed)
    }

    func encode(_ text: String, runtime: Runtime) throws -> [Int] {
        if let found = encoding.firstOccurrence(in: text, of: disallowed) {
            throw PyError.valueError(EncodingObject.disallowedSpecialTokenMessage(try runtime.repr(.str(found))))
        }
        return encoding.encode(text, allowedSpecial: allowed)
    }
}
