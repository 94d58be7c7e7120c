import EmbeddingsWire

/// The fake endpoint's answer: status, headers, JSON body, and how long to wait before
/// sending it (simulated latency; the caller waits, the fake does no I/O).
public struct FakeHTTPResponse: Sendable {
    public var status: Int
    public var headers: [FakeHTTPHeader]
    public var body: [UInt8]
    public var latency: Duration

    public init(status: Int, headers: [FakeHTTPHeader], body: [UInt8], latency: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.latency = latency
    }

    /// The error envelope of `error`, with its status and headers.
    public init(error: FakeAPIError) {
        self.init(status: error.status, headers: error.headers, body: JSONResponseWriter.write(error.body))
    }

    /// The value of the first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
