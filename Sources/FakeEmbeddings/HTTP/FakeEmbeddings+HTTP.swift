import EmbeddingsWire
import Foundation

/// The fake endpoint's HTTP surface: routes, methods, and JSON bodies. Used by the server
/// and by the client's in-process transport, so both behave identically.
extension FakeEmbeddings {
    /// Answers one HTTP request. Every answer carries `x-request-id` and `openai-version`.
    public func handle(_ request: FakeHTTPRequest) -> FakeHTTPResponse {
        var response = route(request)
        response.headers += Self.commonHeaders()
        if response.status == 200 || response.status == 429 { response.latency = limits.latency }
        return response
    }

    /// An error answer built outside `handle` (the server's 413), with the common headers.
    public static func errorResponse(_ error: FakeAPIError) -> FakeHTTPResponse {
        var response = FakeHTTPResponse(error: error)
        response.headers += commonHeaders()
        return response
    }

    /// The error for a body over `limit` bytes (413).
    public static func bodyTooLarge(limit: Int) -> FakeAPIError { .bodyTooLarge(limit: limit) }

    private func route(_ request: FakeHTTPRequest) -> FakeHTTPResponse {
        let path = Self.normalised(request.path)
        do throws(FakeAPIError) {
            switch path {
            case "/v1/embeddings", "/embeddings":
                try Self.require("POST", request, path: path)
                let body = try EmbeddingRequestDecoder.decode(request.body)
                let created = try create(body, authorization: request.authorization)
                return Self.json(JSONResponseWriter.write(created.response), headers: created.headers)
            case "/v1/models", "/models":
                try Self.require("GET", request, path: path)
                return Self.json(try Self.encode(listModels(authorization: request.authorization)))
            case "/health":
                try Self.require("GET", request, path: path)
                return Self.json(Array(#"{"status":"ok"}"#.utf8))
            default:
                for prefix in ["/v1/models/", "/models/"] where path.hasPrefix(prefix) {
                    try Self.require("GET", request, path: path)
                    let id = String(path.dropFirst(prefix.count)).removingPercentEncoding ?? String(path.dropFirst(prefix.count))
                    return Self.json(try Self.encode(retrieveModel(id, authorization: request.authorization)))
                }
                throw FakeAPIError.notFound(method: request.method, path: request.path)
            }
        } catch {
            return FakeHTTPResponse(error: error)
        }
    }

    private static func require(_ method: String, _ request: FakeHTTPRequest, path: String) throws(FakeAPIError) {
        guard request.method.uppercased() == method else {
            throw .methodNotAllowed(method: request.method, path: path, allowed: method)
        }
    }

    private static func normalised(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static func json(_ body: [UInt8], headers: [FakeHTTPHeader] = []) -> FakeHTTPResponse {
        FakeHTTPResponse(status: 200, headers: headers, body: body)
    }

    private static func encode<Value: Encodable>(_ value: Value) throws(FakeAPIError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(value))
        } catch {
            throw FakeAPIError(status: 500, message: "The server could not encode its answer.", type: "server_error")
        }
    }

    private static func commonHeaders() -> [FakeHTTPHeader] {
        [
            FakeHTTPHeader("content-type", "application/json"),
            FakeHTTPHeader("x-request-id", requestID()),
            FakeHTTPHeader("openai-version", "2020-10-01"),
        ]
    }

    /// `req_` and 32 random hex digits, like the real API's request ids.
    static func requestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "req_" + hex16(high) + hex16(low)
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
