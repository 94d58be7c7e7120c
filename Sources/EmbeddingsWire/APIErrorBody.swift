/// The API's error envelope: `{"error": {"message", "type", "param", "code"}}`.
/// `param` and `code` are written as `null` when absent, as the real API does.
public struct APIErrorBody: Sendable, Hashable, Codable {
    public var error: APIErrorDetail

    public init(error: APIErrorDetail) { self.error = error }
}

/// The inside of the error envelope.
public struct APIErrorDetail: Sendable, Hashable, Codable {
    public var message: String
    public var type: String?
    public var param: String?
    public var code: String?

    public init(message: String, type: String?, param: String? = nil, code: String? = nil) {
        self.message = message
        self.type = type
        self.param = param
        self.code = code
    }

    enum CodingKeys: String, CodingKey { case message, type, param, code }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encode(type, forKey: .type)
        try container.encode(param, forKey: .param)
        try container.encode(code, forKey: .code)
    }
}
