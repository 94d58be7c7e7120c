/// An HTTP request as the fake endpoint reads it; the server and the in-process transport
/// both hand requests over in this shape, so both get exactly the same answers.
public struct FakeHTTPRequest: Sendable {
    public var method: String
    /// The path without query string, e.g. `/v1/embeddings`.
    public var path: String
    /// The `Authorization` header's value, if any.
    public var authorization: String?
    public var body: [UInt8]

    public init(method: String, path: String, authorization: String?, body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.authorization = authorization
        self.body = body
    }
}
