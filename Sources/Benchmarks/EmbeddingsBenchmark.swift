import EmbeddingsServer
import EmbeddingsWire
import FakeEmbeddings
import Foundation

/// The embeddings API's speed: embeddings per second in-process, and served requests per
/// second for 8-input requests (float and base64) against `embedlings serve` and against a
/// typical Python mock measured in the same run, so the ratio compares like with like.
enum EmbeddingsBenchmark {
    static let command = "make bench   (swift run -c release Benchmarks)"
    static let texts = (0..<8).map { "benchmark sentence number \($0) about text embeddings and cosine similarity" }
    static let connections = 4
    static let maxRequests = 200_000
    static let maxSeconds = 5.0

    static func run() async {
        print("== Embeddings API: fake endpoint and embedlings serve ==")
        print("command: \(command)")
        inProcess()
        await served()
    }

    private static func inProcess() {
        let fake = FakeEmbeddings()
        let request = EmbeddingRequest(input: .texts(texts), model: "text-embedding-3-small")
        var embeddings = 0
        let started = Date()
        while Date().timeIntervalSince(started) < 2 {
            for _ in 0..<50 {
                if let created = try? fake.create(request, authorization: "Bearer \(FakeEmbeddings.placeholderToken)") {
                    embeddings += created.response.data.count
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "in-process: %.0f embeddings/s (text-embedding-3-small, 1536 dims, 8-input requests, %d embeddings in %.2f s, one thread)", Double(embeddings) / seconds, embeddings, seconds))

        for format in ["float", "base64"] {
            let body = Array(requestBody(format: format).utf8)
            let httpRequest = FakeHTTPRequest(method: "POST", path: "/v1/embeddings", authorization: "Bearer \(FakeEmbeddings.placeholderToken)", body: body)
            var answered = 0
            let handleStarted = Date()
            while Date().timeIntervalSince(handleStarted) < 1 {
                for _ in 0..<20 where fake.handle(httpRequest).status == 200 { answered += 1 }
            }
            let handleSeconds = Date().timeIntervalSince(handleStarted)
            print(String(format: "in-process handle(): %.0f requests/s, 8 inputs each, %@ (body in, JSON bytes out, no network, one thread)", Double(answered) / handleSeconds, format))
        }

        guard let created = try? fake.create(request, authorization: "Bearer \(FakeEmbeddings.placeholderToken)") else { return }
        let writer = time(iterations: 200) { _ = JSONResponseWriter.write(created.response) }
        let encoder = time(iterations: 200) { _ = try? JSONEncoder().encode(created.response) }
        print(String(format: "float JSON of one 8 x 1536 response: JSONResponseWriter %.3f ms, JSONEncoder %.3f ms (%.1fx)", writer * 1000, encoder * 1000, encoder / writer))

        let values = created.response.data.flatMap { item -> [Float] in
            if case .floats(let floats) = item.embedding { return floats }
            return []
        }
        var written = 0
        let ours = time(iterations: 100) { written &+= writeAllWithShortestFloatText(values) }
        let standard = time(iterations: 100) { written &+= writeAllWithStandardLibrary(values) }
        let perValue = { (seconds: Double) in seconds / Double(max(values.count, 1)) * 1e9 }
        print(String(format: "one float's text: ShortestFloatText %.1f ns, the standard library's Float.write(to:) %.1f ns (%.1fx, %d bytes)", perValue(ours), perValue(standard), standard / ours, written / 200))
    }

    /// Each value's text, written one after another into one buffer; returns the bytes written.
    @inline(never)
    private static func writeAllWithShortestFloatText(_ values: [Float]) -> Int {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: values.count * ShortestFloatText.maximumLength)
        defer { buffer.deallocate() }
        var position = 0
        for value in values { position += ShortestFloatText.write(value, to: buffer + position) }
        return position
    }

    /// The same through the standard library's `Float.write(to:)`.
    @inline(never)
    private static func writeAllWithStandardLibrary(_ values: [Float]) -> Int {
        var sink = ByteSink()
        sink.bytes.reserveCapacity(values.count * ShortestFloatText.maximumLength)
        for value in values { value.write(to: &sink) }
        return sink.bytes.count
    }

    private static func time(iterations: Int, _ body: () -> Void) -> Double {
        let started = Date()
        for _ in 0..<iterations { body() }
        return Date().timeIntervalSince(started) / Double(iterations)
    }

    /// Both servers as separate processes under wrk when it is installed; otherwise the
    /// server in this process under `LoopbackLoad`.
    private static func served() async {
        if WrkLoad.executable != nil, let server = ServedFakeProcess.start() {
            servedUnderWrk(server)
        } else {
            print("wrk or the release embedlings binary not found: measuring with the in-process load generator instead")
            await servedInProcess()
        }
    }

    private static func servedUnderWrk(_ server: ServedFakeProcess) {
        print("load: \(WrkLoad.commandLine(connections: connections, seconds: Int(maxSeconds))), 1 s of warm-up first; each server its own process")
        let authorization = "Bearer \(FakeEmbeddings.placeholderToken)"
        let serveURL = server.baseURL.appendingPathComponent("embeddings")
        var swiftRates: [String: Double] = [:]
        for format in ["float", "base64"] {
            _ = WrkLoad.run(url: serveURL, body: requestBody(format: format), authorization: authorization, connections: connections, seconds: 1)
            guard let result = WrkLoad.run(url: serveURL, body: requestBody(format: format), authorization: authorization, connections: connections, seconds: Int(maxSeconds)) else {
                print("embedlings serve: wrk did not report; skipped")
                continue
            }
            swiftRates[format] = result.requestsPerSecond
            report("embedlings serve", format: format, result)
        }
        server.stop()

        guard let python = PythonMockServer.start() else {
            print("python mock: python3 not found; the comparison is skipped")
            return
        }
        defer { python.stop() }
        let mockURL = URL(string: "http://127.0.0.1:\(python.port)/v1/embeddings")!
        for format in ["float", "base64"] {
            _ = WrkLoad.run(url: mockURL, body: requestBody(format: format), authorization: authorization, connections: connections, seconds: 1)
            guard let result = WrkLoad.run(url: mockURL, body: requestBody(format: format), authorization: authorization, connections: connections, seconds: Int(maxSeconds)) else {
                print("python mock: wrk did not report; skipped")
                continue
            }
            report("python http.server mock", format: format, result)
            if result.requestsPerSecond > 0, let swift = swiftRates[format] {
                print(String(format: "ratio (%@): embedlings serve answers %.1fx the requests/s of the Python mock", format, swift / result.requestsPerSecond))
            }
        }
    }

    private static func report(_ name: String, format: String, _ result: WrkLoad.Result) {
        print(String(
            format: "%@: %.0f requests/s, 8 inputs each, %@ (%d requests in %.2f s over %d keep-alive connections, %d failed)",
            name, result.requestsPerSecond, format, result.completed, result.seconds, connections, result.failed
        ))
    }

    private static func servedInProcess() async {
        let server: RunningEmbeddingsServer
        do {
            server = try await EmbeddingsServer.start(EmbeddingsServerConfiguration(port: 0))
        } catch {
            print("served: could not start the server (\(error)); skipped")
            return
        }
        var swiftRates: [String: Double] = [:]
        for format in ["float", "base64"] {
            let port = server.baseURL.port ?? 0
            _ = LoopbackLoad.run(port: port, request: httpRequest(port: port, format: format), connections: connections, maxRequests: 200, maxSeconds: 2)
            let result = LoopbackLoad.run(port: port, request: httpRequest(port: port, format: format), connections: connections, maxRequests: maxRequests, maxSeconds: maxSeconds)
            swiftRates[format] = result.requestsPerSecond
            report("embedlings serve", format: format, result)
        }
        await server.stop()

        guard let python = PythonMockServer.start() else {
            print("python mock: python3 not found; the comparison is skipped")
            return
        }
        defer { python.stop() }
        let port = python.port
        for format in ["float", "base64"] {
            let result = LoopbackLoad.run(port: port, request: httpRequest(port: port, format: format), connections: connections, maxRequests: maxRequests, maxSeconds: maxSeconds)
            report("python http.server mock", format: format, result)
            if result.requestsPerSecond > 0, let swift = swiftRates[format] {
                print(String(format: "ratio (%@): embedlings serve answers %.1fx the requests/s of the Python mock", format, swift / result.requestsPerSecond))
            }
        }
    }

    private static func report(_ name: String, format: String, _ result: LoopbackLoad.Result) {
        print(String(
            format: "%@: %.0f requests/s, 8 inputs each, %@ (%d requests in %.2f s over %d keep-alive connections, %d failed)",
            name, result.requestsPerSecond, format, result.completed, result.seconds, connections, result.failed
        ))
    }

    private static func requestBody(format: String) -> String {
        let inputs = texts.map { "\"\($0)\"" }.joined(separator: ",")
        return "{\"input\":[\(inputs)],\"model\":\"text-embedding-3-small\",\"encoding_format\":\"\(format)\"}"
    }

    private static func httpRequest(port: Int, format: String) -> [UInt8] {
        let body = requestBody(format: format)
        let head = "POST /v1/embeddings HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(FakeEmbeddings.placeholderToken)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        return Array((head + body).utf8)
    }
}

/// Collects the bytes `Float.write(to:)` hands over, so the standard library's formatting
/// can be timed without building strings.
private struct ByteSink: TextOutputStream {
    var bytes: [UInt8] = []
    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
