import EmbeddingsWire

/// An error the fake endpoint answers with: the HTTP status, the real API's error body, and
/// any extra headers (rate limits add `retry-after` and `x-ratelimit-*`).
public struct FakeAPIError: Error, Sendable, Hashable {
    public var status: Int
    public var body: APIErrorBody
    public var headers: [FakeHTTPHeader]

    public init(status: Int, message: String, type: String?, param: String? = nil, code: String? = nil, headers: [FakeHTTPHeader] = []) {
        self.status = status
        body = APIErrorBody(error: APIErrorDetail(message: message, type: type, param: param, code: code))
        self.headers = headers
    }
}
