/// The official SDK's exception class for an HTTP status, so that learners meet the names
/// they will meet in real code.
public enum APIErrorKind: String, Sendable, Hashable, CaseIterable {
    case badRequest = "BadRequestError"
    case authentication = "AuthenticationError"
    case permissionDenied = "PermissionDeniedError"
    case notFound = "NotFoundError"
    case conflict = "ConflictError"
    case unprocessableEntity = "UnprocessableEntityError"
    case rateLimit = "RateLimitError"
    case internalServer = "InternalServerError"
    case other = "APIStatusError"

    public init(status: Int) {
        self =
            switch status {
            case 400: .badRequest
            case 401: .authentication
            case 403: .permissionDenied
            case 404: .notFound
            case 409: .conflict
            case 422: .unprocessableEntity
            case 429: .rateLimit
            case 500...: .internalServer
            default: .other
            }
    }

    /// The Python class name, e.g. `RateLimitError`.
    public var pythonClassName: String { rawValue }
}
