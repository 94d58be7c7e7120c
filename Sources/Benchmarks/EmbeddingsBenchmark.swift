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
    static let seconds = 5
    static let formats = ["float", "base64"]

    static func run() {
        print("== Embeddings API: fake endpoint and embedlings serve ==")
        print("command: \(command)")
        inProcess()
        served()
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

    /// Both servers as their own processes under the same wrk load, one after the other, so
    /// the ratio compares like with like.
    private static func served() {
        guard WrkLoad.executable != nil else {
            print("served: wrk is not installed (`make bench` installs it); the served comparison is skipped")
            return
        }
        print("load: \(WrkLoad.commandLine(connections: connections, seconds: seconds)), 1 s of warm-up first; each server its own process")
        guard let server = ServedFakeProcess.start() else {
            print("served: the release embedlings binary is not beside Benchmarks (`make bench` builds it); skipped")
            return
        }
        let swiftRates = measure("embedlings serve", url: server.baseURL.appendingPathComponent("embeddings"))
        server.stop()

        guard let python = PythonMockServer.start() else {
            print("python mock: python3 not found; the comparison is skipped")
            return
        }
        defer { python.stop() }
        let pythonRates = measure("python http.server mock", url: URL(string: "http://127.0.0.1:\(python.port)/v1/embeddings")!)
        for format in formats {
            if let swift = swiftRates[format], let python = pythonRates[format], python > 0 {
                print(String(format: "ratio (%@): embedlings serve answers %.1fx the requests/s of the Python mock", format, swift / python))
            }
        }
    }

    /// Requests per second at `url` for each format, printed as measured.
    private static func measure(_ name: String, url: URL) -> [String: Double] {
        let authorization = "Bearer \(FakeEmbeddings.placeholderToken)"
        var rates: [String: Double] = [:]
        for format in formats {
            let body = requestBody(format: format)
            _ = WrkLoad.run(url: url, body: body, authorization: authorization, connections: connections, seconds: 1)
            guard let result = WrkLoad.run(url: url, body: body, authorization: authorization, connections: connections, seconds: seconds) else {
                print("\(name): wrk did not report; skipped")
                continue
            }
            rates[format] = result.requestsPerSecond
            print(String(
                format: "%@: %.0f requests/s, 8 inputs each, %@ (%d requests in %.2f s over %d keep-alive connections, %d failed)",
                name, result.requestsPerSecond, format, result.completed, result.seconds, connections, result.failed
            ))
        }
        return rates
    }

    private static func requestBody(format: String) -> String {
        let inputs = texts.map { "\"\($0)\"" }.joined(separator: ",")
        return "{\"input\":[\(inputs)],\"model\":\"text-embedding-3-small\",\"encoding_format\":\"\(format)\"}"
    }
}

/// Collects the bytes `Float.write(to:)` hands over, so the standard library's formatting
/// can be timed without building strings.
private struct ByteSink: TextOutputStream {
    var bytes: [UInt8] = []
    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
