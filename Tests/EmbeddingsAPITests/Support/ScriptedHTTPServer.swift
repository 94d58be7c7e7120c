import Foundation
import Hummingbird
import Logging

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

    private actor Script {
        var replies: [Reply]
        var received: [Received] = []
        init(_ replies: [Reply]) { self.replies = replies }

        func next(_ request: Received) -> Reply {
            received.append(request)
            guard !replies.isEmpty else {
                return Reply(status: 500, body: #"{"error":{"message":"script exhausted","type":"server_error","param":null,"code":null}}"#)
            }
            return replies.removeFirst()
        }
    }

    private let script: Script
    let baseURL: URL
    private let task: Task<Void, any Error>

    private init(script: Script, baseURL: URL, task: Task<Void, any Error>) {
        self.script = script
        self.baseURL = baseURL
        self.task = task
    }

    static func start(_ replies: [Reply]) async throws -> ScriptedHTTPServer {
        let script = Script(replies)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let reply = await script.next(Received(
                method: request.method.rawValue,
                path: request.uri.path,
                authorization: request.headers[.authorization],
                body: String(buffer: body)
            ))
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            for (name, value) in reply.headers {
                if let fieldName = HTTPFields.Element.Name(name) { headers[fieldName] = value }
            }
            return Response(status: .init(code: reply.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "scripted-server", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        for await port in ports {
            return ScriptedHTTPServer(script: script, baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, task: task)
        }
        throw CancellationError()
    }

    var received: [Received] {
        get async { await script.received }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    static let successBody = #"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5,-1.25,3.0]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}"#

    static func errorBody(_ message: String, type: String = "invalid_request_error", code: String? = nil) -> String {
        let codeJSON = code.map { "\"\($0)\"" } ?? "null"
        return #"{"error":{"message":"\#(message)","type":"\#(type)","param":null,"code":\#(codeJSON)}}"#
    }
}
