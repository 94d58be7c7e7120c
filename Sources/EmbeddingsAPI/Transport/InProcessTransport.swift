import FakeEmbeddings
import Foundation

/// The fake endpoint without a network: requests go straight to `FakeEmbeddings.handle`,
/// which the HTTP server also uses, so answers are the same byte for byte.
public struct InProcessTransport: HTTPTransport {
    public let fake: FakeEmbeddings
    /// How simulated latency is waited out; injectable so tests need not wait.
    public let sleep: @Sendable (Duration) async -> Void

    public init(fake: FakeEmbeddings = FakeEmbeddings(), sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) {
        self.fake = fake
        self.sleep = sleep
    }

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        let answer = fake.handle(FakeHTTPRequest(
            method: request.method,
            path: request.url.path,
            authorization: request.headers["authorization"],
            body: Array(request.body)
        ))
        if answer.latency > .zero {
            guard answer.latency <= request.timeout else {
                await sleep(request.timeout)
                throw .timeout
            }
            await sleep(answer.latency)
        }
        var headers: [String: String] = [:]
        for field in answer.headers { headers[field.name.lowercased()] = field.value }
        return TransportResponse(status: answer.status, headers: headers, body: Data(answer.body))
    }
}
