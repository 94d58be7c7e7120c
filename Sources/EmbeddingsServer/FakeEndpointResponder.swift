import FakeEmbeddings
import Foundation
import Hummingbird

/// Hands every request to `FakeEmbeddings.handle` and writes its answer, adding
/// `openai-processing-ms`. Routing, 404 and 405 live in the fake, so the in-process
/// endpoint and the served one can never disagree.
struct FakeEndpointResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let fake: FakeEmbeddings
    let maxBodyBytes: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        var request = request
        var answer: FakeHTTPResponse
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            answer = FakeEmbeddings.errorResponse(FakeEmbeddings.bodyTooLarge(limit: maxBodyBytes))
        } else {
            do {
                let body = try await request.collectBody(upTo: maxBodyBytes)
                answer = fake.handle(FakeHTTPRequest(
                    method: request.method.rawValue,
                    path: request.uri.path,
                    authorization: request.headers[.authorization],
                    body: Array(buffer: body)
                ))
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                answer = FakeEmbeddings.errorResponse(FakeEmbeddings.bodyTooLarge(limit: maxBodyBytes))
            }
        }
        if answer.latency > .zero {
            try await Task.sleep(for: answer.latency)
        }

        var headers = HTTPFields()
        for header in answer.headers {
            if let name = HTTPFields.Element.Name(header.name) { headers.append(HTTPFields.Element(name: name, value: header.value)) }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        if let name = HTTPFields.Element.Name("openai-processing-ms") {
            headers.append(HTTPFields.Element(name: name, value: String(milliseconds)))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
