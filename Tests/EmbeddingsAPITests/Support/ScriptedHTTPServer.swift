import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny real HTTP server on 127.0.0.1 that answers from a script, one reply per request,
/// and records what it received, to pin down the client's retry and key behaviour.
final class ScriptedHTTPServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
    }

    struct Received: Sendable {
        var method: String
        var path: String
        var authorization: String?
        var body: String
    }

    /// The replies still to give and the requests seen. Answered under a lock on the
    /// connection's event loop: the server must keep answering while tests running in
    /// parallel keep the task pool busy (a reply that waited for a pool thread once came
    /// after the client's timeout).
    private final class Script: Sendable {
        private let state: NIOLockedValueBox<(replies: [Reply], received: [Received])>

        init(_ replies: [Reply]) { state = NIOLockedValueBox((replies, [])) }

        var received: [Received] { state.withLockedValue { $0.received } }

        func next(_ request: Received) -> Reply {
            state.withLockedValue { state in
                state.received.append(request)
                guard !state.replies.isEmpty else {
                    return Reply(status: 500, body: #"{"error":{"message":"script exhausted","type":"server_error","param":null,"code":null}}"#)
                }
                return state.replies.removeFirst()
            }
        }
    }

    private let script: Script
    let baseURL: URL
    private let listener: any Channel
    private let connections: NIOLockedValueBox<[any Channel]>

    private init(script: Script, baseURL: URL, listener: any Channel, connections: NIOLockedValueBox<[any Channel]>) {
        self.script = script
        self.baseURL = baseURL
        self.listener = listener
        self.connections = connections
    }

    static func start(_ replies: [Reply]) async throws -> ScriptedHTTPServer {
        let script = Script(replies)
        let connections = NIOLockedValueBox<[any Channel]>([])
        // No SO_REUSEADDR: the kernel then never hands this server a port on which an earlier
        // server's connections are still open (a client's pool could reach the old script).
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                connections.withLockedValue { $0.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ScriptHandler(script: script))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = listener.localAddress?.port ?? 0
        return ScriptedHTTPServer(script: script, baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, listener: listener, connections: connections)
    }

    /// Collects each request, takes the script's next reply, and writes it back, all on the
    /// connection's event loop.
    private final class ScriptHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let script: Script
        private var head: HTTPRequestHead?
        private var body = ByteBuffer()

        init(script: Script) { self.script = script }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.clear()
            case .body(var chunk):
                body.writeBuffer(&chunk)
            case .end:
                guard let head else { return }
                let received = Received(
                    method: head.method.rawValue,
                    path: String(head.uri.prefix { $0 != "?" }),
                    authorization: head.headers.first(name: "authorization"),
                    body: String(buffer: body)
                )
                write(script.next(received), version: head.version, context: context)
            }
        }

        private func write(_ reply: Reply, version: HTTPVersion, context: ChannelHandlerContext) {
            var headers = HTTPHeaders([("content-type", "application/json"), ("content-length", String(reply.body.utf8.count))])
            for (name, value) in reply.headers { headers.replaceOrAdd(name: name, value: value) }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: reply.status), headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: reply.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    var received: [Received] {
        get async { script.received }
    }

    /// Stops listening and closes the connections clients keep alive: a later server may get
    /// the same port, and a pooled connection must not reach this one's finished script.
    func stop() async {
        try? await listener.close()
        for connection in connections.withLockedValue({ $0 }) { try? await connection.close() }
    }

    static let successBody = #"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5,-1.25,3.0]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}"#

    static func errorBody(_ message: String, type: String = "invalid_request_error", code: String? = nil) -> String {
        let codeJSON = code.map { "\"\($0)\"" } ?? "null"
        return #"{"error":{"message":"\#(message)","type":"\#(type)","param":null,"code":\#(codeJSON)}}"#
    }
}
