import CoursePython
import EmbeddingsAPI
import EmbeddingsWire
import Foundation

/// The `openai` module: `OpenAI(...)`, `client.embeddings.create(...)` over `EmbeddingsClient`,
/// the SDK's response models and exception classes.
enum OpenAIModule {
    static func load(runtime: Runtime, configuration: EndpointConfiguration) throws -> PyModule {
        let module = PyModule(name: "openai", doc: "The OpenAI client: OpenAI(api_key=...).embeddings.create(model=..., input=...).")
        let exceptions = OpenAIExceptions()
        for type in exceptions.all { module.namespace[type.name] = .object(type) }
        let models = OpenAIResponseTypes()
        let clientType = PyType(
            name: "OpenAI", module: "openai",
            doc: "OpenAI(api_key=None, base_url=None, max_retries=2, timeout=600): the API client. Its embeddings.create(...) makes embeddings.",
            constructor: { arguments, _ in
                let bound = try arguments.bind("OpenAI", [.optionalKeyword("api_key"), .optionalKeyword("organization"), .optionalKeyword("project"),
                                                          .optionalKeyword("base_url"), .optionalKeyword("timeout"), .optionalKeyword("max_retries")])
                let apiKey = try text(bound["api_key"], "api_key") ?? PlaceholderToken.value
                var baseURL: URL?
                if let address = try text(bound["base_url"], "base_url") {
                    guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                        throw PyError.valueError("base_url must be an http:// or https:// URL, not '\(address)'")
                    }
                    baseURL = url
                }
                var retries = RetryPolicy()
                if let value = bound["max_retries"], !value.isNone {
                    guard let count = value.intValue, count >= 0 else { throw PyError.typeError("max_retries must be a non-negative int") }
                    retries.maxRetries = count
                }
                var timeout = Duration.seconds(600)
                if let value = bound["timeout"], !value.isNone {
                    guard let seconds = NumPyConversions.number(value)?.value, seconds > 0 else { throw PyError.typeError("timeout must be a positive number of seconds") }
                    timeout = .milliseconds(Int((seconds * 1000).rounded()))
                }
                let client = EmbeddingsClient(configuration: configuration, apiKey: apiKey, baseURL: baseURL, retryPolicy: retries, timeout: timeout)
                return .object(OpenAIClientObject(client: client, exceptions: exceptions, models: models))
            }
        )
        module.namespace["OpenAI"] = .object(clientType)
        module.namespace["__version__"] = .str("1.0.0-course")
        return module
    }

    private static func text(_ value: PyValue?, _ name: String) throws -> String? {
        guard let value, !value.isNone else { return nil }
        guard let text = value.stringValue else { throw PyError.typeError("\(name) must be a str, not \(value.typeName)") }
        return text
    }
}

/// The types of the SDK's response models.
struct OpenAIResponseTypes {
    let response = PyType(name: "CreateEmbeddingResponse", module: "openai.types.create_embedding_response", base: PydanticModelObject.baseModel,
                          doc: "The answer of embeddings.create: data (a list of Embedding), model, object, usage.")
    let embedding = PyType(name: "Embedding", module: "openai.types.embedding", base: PydanticModelObject.baseModel,
                           doc: "One embedding: embedding (a list of floats), index (the input's position), object.")
    let usage = PyType(name: "Usage", module: "openai.types.create_embedding_response", base: PydanticModelObject.baseModel,
                       doc: "Tokens the request used: prompt_tokens, total_tokens.")

    /// The Python object for a response, with floats as the SDK gives them: the float32 values
    /// widened exactly when the SDK decoded base64 (its default), or read back from their
    /// shortest JSON text when the caller asked for `encoding_format="float"`.
    func object(for response: EmbeddingResponse, floatsAsJSONText: Bool, runtime: Runtime) throws -> PyValue {
        var items: [PyValue] = []
        for item in response.data {
            let vector: PyValue
            switch item.embedding {
            case .floats(let floats):
                try runtime.reserveItems(floats.count)
                vector = .makeList(floats.map { .float(floatsAsJSONText ? Double($0.description) ?? Double($0) : Double($0)) })
            case .base64(let text):
                vector = .str(text)
            }
            items.append(.object(PydanticModelObject(type: embedding, fields: [
                ("embedding", vector), ("index", .int(item.index)), ("object", .str(item.object)),
            ])))
        }
        let usageObject = PydanticModelObject(type: usage, fields: [
            ("prompt_tokens", .int(response.usage.promptTokens)), ("total_tokens", .int(response.usage.totalTokens)),
        ])
        return .object(PydanticModelObject(type: self.response, fields: [
            ("data", .makeList(items)), ("model", .str(response.model)), ("object", .str(response.object)), ("usage", .object(usageObject)),
        ]))
    }
}

/// An `OpenAI` client object: `api_key` (the placeholder as written), `base_url`, `max_retries`, `timeout`, `embeddings`.
final class OpenAIClientObject: PythonObject {
    let client: EmbeddingsClient
    let embeddings: EmbeddingsResourceObject

    init(client: EmbeddingsClient, exceptions: OpenAIExceptions, models: OpenAIResponseTypes) {
        self.client = client
        self.embeddings = EmbeddingsResourceObject(client: client, exceptions: exceptions, models: models)
    }

    static let type = PyType(name: "OpenAI", module: "openai", doc: "The OpenAI API client.")
    var pythonType: PyType { OpenAIClientObject.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "embeddings": return .object(embeddings)
        case "api_key": return .str(client.apiKey)
        case "base_url":
            let text = client.baseURL.absoluteString
            return .str(text.hasSuffix("/") ? text : text + "/")
        case "max_retries": return .int(client.retryPolicy.maxRetries)
        case "timeout":
            let components = client.timeout.components
            return .float(Double(components.seconds) + Double(components.attoseconds) / 1e18)
        default: return nil
        }
    }

    func attributeNames() -> [String] { ["api_key", "base_url", "embeddings", "max_retries", "timeout"] }

    func repr(runtime: Runtime) throws -> String? { "<openai.OpenAI object>" }

    var helpText: String? {
        "OpenAI client. client.embeddings.create(model=\"text-embedding-3-small\", input=\"text\") returns a CreateEmbeddingResponse."
    }
}

/// `client.embeddings`: the `create` method.
final class EmbeddingsResourceObject: PythonObject {
    let client: EmbeddingsClient
    let exceptions: OpenAIExceptions
    let models: OpenAIResponseTypes

    init(client: EmbeddingsClient, exceptions: OpenAIExceptions, models: OpenAIResponseTypes) {
        self.client = client
        self.exceptions = exceptions
        self.models = models
    }

    static let type = PyType(name: "Embeddings", module: "openai.resources.embeddings", doc: "client.embeddings: create(model=..., input=...).")
    var pythonType: PyType { EmbeddingsResourceObject.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        guard name == "create" else { return nil }
        return .object(PyNativeFunction(
            name: "create", qualifiedName: "openai.embeddings.create",
            doc: "create(*, input, model, dimensions=None, encoding_format=None, user=None): embeddings of input (a str or a list of str)."
        ) { [self] arguments, runtime in try create(arguments, runtime: runtime) })
    }

    func attributeNames() -> [String] { ["create"] }
    func repr(runtime: Runtime) throws -> String? { "<openai.resources.embeddings.Embeddings object>" }

    private func create(_ arguments: Arguments, runtime: Runtime) throws -> PyValue {
        if !arguments.positional.isEmpty {
            throw PyError.typeError("Embeddings.create() takes 1 positional argument but \(arguments.positional.count + 1) were given")
        }
        let bound = try arguments.bind("Embeddings.create", [.keyword("input"), .keyword("model"), .optionalKeyword("dimensions"),
                                                              .optionalKeyword("encoding_format"), .optionalKeyword("user")])
        let input = try Self.input(bound["input"] ?? .none, runtime: runtime)
        guard let model = bound["model"]?.stringValue else {
            throw PyError.typeError("model must be a str such as 'text-embedding-3-small', not \(bound["model"]?.typeName ?? "None")")
        }
        var dimensions: Int?
        if let value = bound["dimensions"], !value.isNone {
            guard let count = value.intValue else { throw PyError.typeError("dimensions must be an int, not \(value.typeName)") }
            dimensions = count
        }
        let format = try bound["encoding_format"].flatMap { value -> EncodingFormat? in
            if value.isNone { return nil }
            guard let text = value.stringValue else { throw PyError.typeError("encoding_format must be 'float' or 'base64', not \(value.typeName)") }
            return EncodingFormat(rawValue: text)
        }
        let user = bound["user"].flatMap(\.stringValue)
        let request = EmbeddingRequest(input: input, model: model, dimensions: dimensions, encodingFormat: format, user: user)
        let client = self.client
        switch try BlockingCall.run(runtime: runtime, { () async throws(EmbeddingsAPIError) -> EmbeddingResponse in try await client.create(request) }) {
        case .success(let response):
            return try models.object(for: response, floatsAsJSONText: format == .float, runtime: runtime)
        case .failure(let error):
            throw exceptions.exception(for: error)
        }
    }

    /// `input=`: a str, a list of str, a list of token ids, or a list of token-id lists.
    static func input(_ value: PyValue, runtime: Runtime) throws -> EmbeddingInput {
        if let text = value.stringValue { return .text(text) }
        if let items = value.sequenceItems {
            if items.isEmpty { return .texts([]) }
            let texts = items.compactMap(\.stringValue)
            if texts.count == items.count { return .texts(texts) }
            let tokens = items.compactMap { $0.boolValue == nil ? $0.intValue : nil }
            if tokens.count == items.count { return .tokens(tokens) }
            let arrays = items.compactMap { item -> [Int]? in
                guard let inner = item.sequenceItems else { return nil }
                let ids = inner.compactMap(\.intValue)
                return ids.count == inner.count ? ids : nil
            }
            if arrays.count == items.count { return .tokenArrays(arrays) }
        }
        throw PyError.typeError("input must be a str, a list of str, a list of token ids or a list of token-id lists, not \(value.typeName)")
    }
}
