import FakeEmbeddings
import NIOCore
import NIOHTTP1

/// One connection's HTTP/1.1 requests, answered by `FakeEmbeddings.handle` on the
/// connection's event loop. Routing, 404 and 405 live in the fake, so the in-process endpoint
/// and the served one can never disagree; this adds what only a server knows: the body limit
/// (413), `openai-processing-ms`, `date`, keep-alive, and simulated latency.
final class EmbeddingsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case reading(HTTPRequestHead, body: ByteBuffer?, started: ContinuousClock.Instant)
        /// Over the body limit: answered with 413, the rest of the request is dropped and the
        /// connection closes.
        case rejected
    }

    private let fake: FakeEmbeddings
    private let maxBodyBytes: Int
    private let inFlight: InFlightRequests
    private var state = State.idle
    private var dates = HTTPDateCache()

    init(fake: FakeEmbeddings, maxBodyBytes: Int, inFlight: InFlightRequests) {
        self.fake = fake
        self.maxBodyBytes = maxBodyBytes
        self.inFlight = inFlight
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let started = ContinuousClock.now
            if let declared = head.headers.first(name: "content-length").flatMap(Int.init), declared > maxBodyBytes {
                reject(head, context: context)
            } else {
                state = .reading(head, body: nil, started: started)
            }
        case .body(var chunk):
            guard case .reading(let head, let body, let started) = state else { return }
            var collected = body ?? context.channel.allocator.buffer(capacity: chunk.readableBytes)
            guard collected.readableBytes + chunk.readableBytes <= maxBodyBytes else {
                reject(head, context: context)
                return
            }
            collected.writeBuffer(&chunk)
            state = .reading(head, body: collected, started: started)
        case .end:
            guard case .reading(let head, let body, let started) = state else { return }
            state = .idle
            let request = FakeHTTPRequest(
                method: head.method.rawValue,
                path: Self.path(of: head.uri),
                authorization: head.headers.first(name: "authorization"),
                body: body.map { Array($0.readableBytesView) } ?? []
            )
            inFlight.begin()
            let answer = fake.handle(request)
            if answer.latency > .zero {
                let delay = TimeAmount.nanoseconds(Int64(answer.latency.components.seconds) * 1_000_000_000 + answer.latency.components.attoseconds / 1_000_000_000)
                context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
                    self.write(answer, for: head, started: started, context: context)
                }
            } else {
                write(answer, for: head, started: started, context: context)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func reject(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        state = .rejected
        inFlight.begin()
        let answer = FakeEmbeddings.errorResponse(FakeEmbeddings.bodyTooLarge(limit: maxBodyBytes))
        write(answer, for: head, started: .now, context: context, close: true)
    }

    private func write(_ answer: FakeHTTPResponse, for head: HTTPRequestHead, started: ContinuousClock.Instant, context: ChannelHandlerContext, close: Bool = false) {
        let keepAlive = head.isKeepAlive && !close
        var headers = HTTPHeaders()
        headers.reserveCapacity(answer.headers.count + 5)
        for header in answer.headers { headers.add(name: header.name, value: header.value) }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        headers.add(name: "openai-processing-ms", value: String(milliseconds))
        headers.add(name: "content-length", value: String(answer.body.count))
        headers.add(name: "date", value: dates.now())
        headers.add(name: "server", value: "embedlings")
        if !keepAlive { headers.add(name: "connection", value: "close") }

        var body = context.channel.allocator.buffer(capacity: answer.body.count)
        body.writeBytes(answer.body)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: answer.status), headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let inFlight = inFlight
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            inFlight.end()
            if !keepAlive { context.close(promise: nil) }
        }
    }

    /// The path without its query string, as the routes are matched.
    private static func path(of uri: String) -> String {
        guard let query = uri.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return uri }
        return String(uri[..<query])
    }
}
