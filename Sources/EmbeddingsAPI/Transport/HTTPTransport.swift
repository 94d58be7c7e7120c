import Foundation

/// One HTTP exchange, so the client runs the same code against the in-process fake and a
/// real server, and tests can count what was sent.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse
}

/// A request ready to send. Its description and mirror show method and URL only, never headers.
public struct TransportRequest: Sendable, CustomStringConvertible, CustomReflectable {
    public var method: String
    public var url: URL
    /// Header names are lower-case.
    public var headers: [String: String]
    public var body: Data
    public var timeout: Duration

    public init(method: String, url: URL, headers: [String: String], body: Data, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public var description: String { "\(method) \(url.absoluteString)" }
    public var customMirror: Mirror { Mirror(self, children: ["method": method, "url": url], displayStyle: .struct) }
}

/// An answer: status, headers (names lower-case), body.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why an exchange produced no answer. Retried by the client.
public enum TransportError: Error, Sendable, Hashable {
    case connection(detail: String)
    case timeout
}
