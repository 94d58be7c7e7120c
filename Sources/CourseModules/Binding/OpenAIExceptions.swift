import CoursePython
import EmbeddingsAPI

/// The openai SDK's exception classes, so `except openai.RateLimitError` works as in real code.
struct OpenAIExceptions {
    let openAIError = PyType.exceptionClass(name: "OpenAIError", module: "openai", base: BuiltinTypes.exception, doc: "The base of the openai SDK's errors.")
    let apiError: PyType
    let apiStatusError: PyType
    let apiConnectionError: PyType
    let apiTimeoutError: PyType
    let apiResponseValidationError: PyType
    let statusErrors: [APIErrorKind: PyType]

    init() {
        apiError = PyType.exceptionClass(name: "APIError", module: "openai", base: openAIError, doc: "An error from the API or the connection to it.")
        apiStatusError = PyType.exceptionClass(name: "APIStatusError", module: "openai", base: apiError,
                                               doc: "The API answered with an error status; see status_code, code, type, param, request_id, body.")
        apiConnectionError = PyType.exceptionClass(name: "APIConnectionError", module: "openai", base: apiError, doc: "The request got no answer.")
        apiTimeoutError = PyType.exceptionClass(name: "APITimeoutError", module: "openai", base: apiConnectionError, doc: "No answer within the timeout.")
        apiResponseValidationError = PyType.exceptionClass(name: "APIResponseValidationError", module: "openai", base: apiError,
                                                           doc: "The answer was not the API's JSON.")
        var statusErrors: [APIErrorKind: PyType] = [.other: apiStatusError]
        let documentation: [APIErrorKind: String] = [
            .badRequest: "400: the request is invalid (input, model parameters).",
            .authentication: "401: the API key is missing or wrong.",
            .permissionDenied: "403: the key may not use this resource.",
            .notFound: "404: no such model or route.",
            .conflict: "409: a conflicting request.",
            .unprocessableEntity: "422: the request could not be processed.",
            .rateLimit: "429: too many requests or tokens per minute; wait and retry.",
            .internalServer: "500 and above: the server failed.",
        ]
        for (kind, doc) in documentation {
            statusErrors[kind] = PyType.exceptionClass(name: kind.pythonClassName, module: "openai", base: apiStatusError, doc: doc)
        }
        self.statusErrors = statusErrors
    }

    /// Every class by its name, for the module's namespace.
    var all: [PyType] {
        [openAIError, apiError, apiStatusError, apiConnectionError, apiTimeoutError, apiResponseValidationError]
            + statusErrors.filter { $0.key != .other }.map(\.value)
    }

    /// The Python exception for a failed call, with the SDK's message and attributes.
    func exception(for error: EmbeddingsAPIError) -> PyError {
        func optional(_ text: String?) -> PyValue { text.map(PyValue.str) ?? .none }
        switch error {
        case .status(let status):
            let type = statusErrors[status.kind] ?? apiStatusError
            var body: PyValue = .none
            if let envelope = status.body {
                body = .makeDict([("message", .str(envelope.error.message)), ("type", optional(envelope.error.type)),
                                  ("param", optional(envelope.error.param)), ("code", optional(envelope.error.code))])
            } else if let raw = status.rawBody {
                body = .str(raw)
            }
            let message = status.description
            return PyError(PyExceptionObject(type: type, message: message, attributes: [
                "message": .str(message), "status_code": .int(status.status), "code": optional(status.code),
                "param": optional(status.param), "type": optional(status.type), "request_id": optional(status.requestID),
                "body": body,
            ]))
        case .connection(let detail):
            let exception = plain(apiConnectionError, error.description)
            exception.exception.hint = detail
            return exception
        case .timeout:
            return plain(apiTimeoutError, error.description)
        case .missingAPIKey:
            return PyError(PyExceptionObject(type: openAIError, message: error.description))
        case .invalidResponse:
            return plain(apiResponseValidationError, error.description)
        }
    }

    private func plain(_ type: PyType, _ message: String) -> PyError {
        PyError(PyExceptionObject(type: type, message: message, attributes: [
            "message": .str(message), "code": .none, "param": .none, "type": .none, "body": .none,
        ]))
    }
}
