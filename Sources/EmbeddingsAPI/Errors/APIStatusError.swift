import EmbeddingsWire
import Foundation

/// An error answer from the endpoint (HTTP status ≥ 400), with what the SDK's `APIStatusError`
/// exposes: status, message, type, code, param and request id.
public struct APIStatusError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var message: String
    public var type: String?
    public var code: String?
    public var param: String?
    public var requestID: String?
    /// The decoded error envelope, when the body was one.
    public var body: APIErrorBody?
    /// The body as text when it was not an error envelope.
    public var rawBody: String?
    /// `retry-after` / `retry-after-ms` as the server sent them, for messages and retries.
    public var retryAfter: Duration?

    public init(status: Int, body: Data, requestID: String?, retryAfter: Duration? = nil) {
        self.status = status
        self.requestID = requestID
        self.retryAfter = retryAfter
        if let envelope = try? JSONDecoder().decode(APIErrorBody.self, from: body) {
            self.body = envelope
            message = envelope.error.message
            type = envelope.error.type
            code = envelope.error.code
            param = envelope.error.param
        } else {
            let text = String(decoding: body.prefix(2000), as: UTF8.self)
            rawBody = text
            message = text.isEmpty ? "HTTP \(status)" : text
        }
    }

    /// The SDK's exception class for this status.
    public var kind: APIErrorKind { APIErrorKind(status: status) }

    /// As the official Python SDK prints it (openai 3.x): `Error code: 400 - <message>`,
    /// or `Error code: 500` alone when the body was not an error envelope.
    public var description: String {
        guard let body, !body.error.message.isEmpty else { return "Error code: \(status)" }
        return "Error code: \(status) - \(body.error.message)"
    }
}
