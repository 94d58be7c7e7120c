import EmbeddingsAPI
import EmbeddingsServer
import EmbeddingsWire
import FakeEmbeddings
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("embedlings serve, over real HTTP on loopback", .serialized)
struct EmbeddingsServerTests {
    func withServer(
        _ configuration: EmbeddingsServerConfiguration = EmbeddingsServerConfiguration(port: 0),
        _ body: (URL) async throws -> Void
    ) async throws {
        let server = try await EmbeddingsServer.start(configuration)
        do {
            try await body(server.baseURL)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func raw(_ method: String, _ url: URL, body: Data? = nil, authorization: String? = "Bearer <OPENAI_API_TOKEN>") async throws -> (Int, [String: String], Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return (http.statusCode, headers, data)
    }

    @Test("--port 0 picks a free port and the base URL ends in /v1")
    func freePort() async throws {
        try await withServer { baseURL in
            #expect(baseURL.absoluteString.hasPrefix("http://127.0.0.1:"))
            #expect(baseURL.port != 0 && baseURL.port != nil)
            #expect(baseURL.path == "/v1")
        }
    }

    @Test("the client gets the same vectors from the served fake as from the in-process one")
    func clientAgainstServer() async throws {
        try await withServer { baseURL in
            let served = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(baseURL)))
            let local = EmbeddingsClient()
            for format in [EncodingFormat?.none, .float, .base64] {
                let remote = try await served.create(input: .texts(["alpha", "beta gamma"]), model: "text-embedding-3-small", dimensions: 64, encodingFormat: format)
                let inProcess = try await local.create(input: .texts(["alpha", "beta gamma"]), model: "text-embedding-3-small", dimensions: 64, encodingFormat: format)
                #expect(remote == inProcess)
            }
            let models = try await served.listModels()
            #expect(models.data.count == 3)
            #expect(try await served.retrieveModel("text-embedding-ada-002").id == "text-embedding-ada-002")
        }
    }

    @Test("every answer carries x-request-id and openai-processing-ms, errors included")
    func headersOnEveryAnswer() async throws {
        try await withServer { baseURL in
            let ok = try await raw("POST", baseURL.appendingPathComponent("embeddings"), body: Data(#"{"input":"hi","model":"text-embedding-3-small"}"#.utf8))
            let notFound = try await raw("GET", baseURL.appendingPathComponent("nowhere"))
            let health = try await raw("GET", baseURL.deletingLastPathComponent().appendingPathComponent("health"))
            for (status, headers, _) in [ok, notFound, health] {
                #expect([200, 404].contains(status))
                #expect(headers["x-request-id"]?.hasPrefix("req_") == true)
                #expect(headers["openai-processing-ms"].flatMap(Int.init) != nil)
            }
            #expect(health.0 == 200)
        }
    }

    @Test("malformed JSON, wrong types, unknown routes and wrong methods get JSON error envelopes")
    func badRequestsGetEnvelopes() async throws {
        try await withServer { baseURL in
            let embeddings = baseURL.appendingPathComponent("embeddings")
            let cases: [(String, URL, String?, Int)] = [
                ("POST", embeddings, "{\"input\": ", 400),
                ("POST", embeddings, #"{"input": {"a": 1}, "model": "text-embedding-3-small"}"#, 400),
                ("POST", embeddings, #"{"input": "x", "model": ["text-embedding-3-small"]}"#, 400),
                ("POST", embeddings, "\u{0}\u{1}binary", 400),
                ("GET", embeddings, nil, 405),
                ("DELETE", baseURL.appendingPathComponent("models"), nil, 405),
                ("POST", baseURL.appendingPathComponent("chat/completions"), "{}", 404),
            ]
            for (method, url, body, expected) in cases {
                let (status, _, data) = try await raw(method, url, body: body.map { Data($0.utf8) })
                #expect(status == expected, "\(method) \(url.path)")
                #expect((try? JSONDecoder().decode(APIErrorBody.self, from: data)) != nil, "\(method) \(url.path)")
            }
        }
    }

    @Test("a body over the limit is 413 with an error envelope, and the server keeps answering")
    func bodyTooLarge() async throws {
        try await withServer(EmbeddingsServerConfiguration(port: 0, maxBodyBytes: 1024)) { baseURL in
            let big = Data(("{\"input\": \"" + String(repeating: "a", count: 4096) + "\", \"model\": \"text-embedding-3-small\"}").utf8)
            let (status, _, data) = try await raw("POST", baseURL.appendingPathComponent("embeddings"), body: big)
            #expect(status == 413)
            #expect(try JSONDecoder().decode(APIErrorBody.self, from: data).error.message.contains("1024"))
            let after = try await raw("POST", baseURL.appendingPathComponent("embeddings"), body: Data(#"{"input":"hi","model":"text-embedding-3-small"}"#.utf8))
            #expect(after.0 == 200)
        }
    }

    @Test("simulated limits are served with 429, retry-after and x-ratelimit headers")
    func servedRateLimit() async throws {
        let fake = FakeEmbeddings(keyPolicy: .anyKey, limits: SimulatedLimits(requestsPerMinute: 1))
        try await withServer(EmbeddingsServerConfiguration(port: 0, fake: fake)) { baseURL in
            let body = Data(#"{"input":"hi","model":"text-embedding-3-small"}"#.utf8)
            #expect(try await raw("POST", baseURL.appendingPathComponent("embeddings"), body: body).0 == 200)
            let (status, headers, _) = try await raw("POST", baseURL.appendingPathComponent("embeddings"), body: body)
            #expect(status == 429)
            #expect(headers["retry-after"] != nil)
            #expect(headers["x-ratelimit-limit-requests"] == "1")
        }
    }

    @Test("200 concurrent requests are all answered correctly")
    func concurrentRequests() async throws {
        try await withServer { baseURL in
            let client = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(baseURL)))
            let reference = EmbeddingsClient()
            let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let text = "request number \(index)"
                        let served = try await client.create(input: .text(text), model: "text-embedding-3-small", dimensions: 32)
                        let expected = try await reference.create(input: .text(text), model: "text-embedding-3-small", dimensions: 32)
                        return (index, served == expected)
                    }
                }
                var collected: [Int: Bool] = [:]
                for try await (index, matches) in group { collected[index] = matches }
                return collected
            }
            #expect(results.count == 200)
            #expect(results.values.allSatisfy { $0 })
        }
    }

    @Test("the banner's first line is the base URL, followed by curl and Python examples")
    func banner() {
        let lines = ServeBanner.lines(baseURL: URL(string: "http://127.0.0.1:8080/v1")!)
        #expect(lines.first == "http://127.0.0.1:8080/v1")
        #expect(lines.contains { $0.contains("curl http://127.0.0.1:8080/v1/embeddings") })
        #expect(lines.contains { $0.contains("OpenAI(base_url=\"http://127.0.0.1:8080/v1\"") })
    }
}
