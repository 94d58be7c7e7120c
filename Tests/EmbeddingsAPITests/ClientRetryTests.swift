@testable import EmbeddingsAPI
import EmbeddingsWire
import FakeEmbeddings
import Foundation
import Testing

@Suite("The client retries like the official SDK", .serialized)
struct ClientRetryTests {
    func client(for server: ScriptedHTTPServer, recorder: SleepRecorder, maxRetries: Int = 2) -> EmbeddingsClient {
        EmbeddingsClient(
            configuration: EndpointConfiguration(endpoint: .url(server.baseURL)),
            retryPolicy: RetryPolicy(maxRetries: maxRetries, sleep: { await recorder.record($0) }, random: { 0 }),
            timeout: .seconds(10)
        )
    }

    @Test("a 429 with retry-after is retried after exactly that wait, then the 200 is returned")
    func rateLimitThenSuccess() async throws {
        let server = try await ScriptedHTTPServer.start([
            .init(status: 429, headers: ["retry-after": "3"], body: ScriptedHTTPServer.errorBody("Rate limit reached", type: "requests", code: "rate_limit_exceeded")),
            .init(status: 200, body: ScriptedHTTPServer.successBody),
        ])
        defer { Task { await server.stop() } }
        let recorder = SleepRecorder()
        let response = try await client(for: server, recorder: recorder).create(input: .text("hi"), model: "text-embedding-3-small", encodingFormat: .float)
        #expect(try response.data[0].embedding.floats() == [0.5, -1.25, 3.0])
        let waits = await recorder.waits
        let received = await server.received
        #expect(waits == [.seconds(3)], "requests the server saw: \(received.map { "\($0.method) \($0.path)" })")
        #expect(received.count == 2)
    }

    @Test("retry-after-ms wins over retry-after")
    func retryAfterMilliseconds() async throws {
        let server = try await ScriptedHTTPServer.start([
            .init(status: 429, headers: ["retry-after": "3", "retry-after-ms": "120"], body: ScriptedHTTPServer.errorBody("slow down")),
            .init(status: 200, body: ScriptedHTTPServer.successBody),
        ])
        defer { Task { await server.stop() } }
        let recorder = SleepRecorder()
        _ = try await client(for: server, recorder: recorder).create(input: .text("hi"), model: "text-embedding-3-small", encodingFormat: .float)
        #expect(await recorder.waits == [.milliseconds(120)])
    }

    @Test("a 503 is retried with the exponential backoff (0.5 s, then 1 s) and succeeds")
    func serverErrorThenSuccess() async throws {
        let server = try await ScriptedHTTPServer.start([
            .init(status: 503, body: ScriptedHTTPServer.errorBody("overloaded", type: "server_error")),
            .init(status: 500, body: "not json at all"),
            .init(status: 200, body: ScriptedHTTPServer.successBody),
        ])
        defer { Task { await server.stop() } }
        let recorder = SleepRecorder()
        _ = try await client(for: server, recorder: recorder).create(input: .text("hi"), model: "text-embedding-3-small", encodingFormat: .float)
        #expect(await recorder.waits == [.milliseconds(500), .milliseconds(1000)])
    }

    @Test("a 400 is never retried and surfaces as BadRequestError with message, code and request id")
    func badRequestIsNotRetried() async throws {
        let server = try await ScriptedHTTPServer.start([
            .init(status: 400, headers: ["x-request-id": "req_abc"], body: ScriptedHTTPServer.errorBody("This model does not support specifying dimensions.")),
            .init(status: 200, body: ScriptedHTTPServer.successBody),
        ])
        defer { Task { await server.stop() } }
        let recorder = SleepRecorder()
        do {
            _ = try await client(for: server, recorder: recorder).create(input: .text("hi"), model: "text-embedding-ada-002", dimensions: 8)
            Issue.record("a 400 must throw")
        } catch {
            guard case .status(let status) = error else {
                Issue.record("expected a status error, got \(error)")
                return
            }
            #expect(status.kind == .badRequest)
            #expect(error.pythonClassName == "BadRequestError")
            #expect(status.message == "This model does not support specifying dimensions.")
            #expect(status.requestID == "req_abc")
            #expect(error.description == "Error code: 400 - This model does not support specifying dimensions.")
        }
        #expect(await recorder.waits.isEmpty)
        #expect(await server.received.count == 1)
    }

    @Test("after the retries run out the last error is thrown: 3 attempts by default")
    func retriesRunOut() async throws {
        let server = try await ScriptedHTTPServer.start(Array(repeating: .init(status: 500, body: ScriptedHTTPServer.errorBody("boom", type: "server_error")), count: 4))
        defer { Task { await server.stop() } }
        let recorder = SleepRecorder()
        await #expect(throws: EmbeddingsAPIError.self) {
            _ = try await client(for: server, recorder: recorder).create(input: .text("hi"), model: "text-embedding-3-small")
        }
        #expect(await server.received.count == 3)
        #expect(await recorder.waits.count == 2)
    }

    @Test("a refused connection is retried, then reported as APIConnectionError")
    func connectionErrors() async throws {
        let recorder = SleepRecorder()
        let client = EmbeddingsClient(
            configuration: EndpointConfiguration(endpoint: .url(URL(string: "http://127.0.0.1:9/v1")!)),
            retryPolicy: RetryPolicy(maxRetries: 1, sleep: { await recorder.record($0) }, random: { 0 }),
            timeout: .seconds(5)
        )
        do {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("nothing listens on port 9")
        } catch {
            #expect(error.pythonClassName == "APIConnectionError" || error.pythonClassName == "APITimeoutError")
        }
        #expect(await recorder.waits.count == 1)
    }

    @Test("an answer slower than the timeout is APITimeoutError, after the retries")
    func timeouts() async throws {
        let recorder = SleepRecorder()
        let slowFake = FakeEmbeddings(limits: SimulatedLimits(latency: .seconds(30)))
        let client = EmbeddingsClient(
            retryPolicy: RetryPolicy(sleep: { await recorder.record($0) }, random: { 0 }),
            timeout: .seconds(1),
            transport: InProcessTransport(fake: slowFake, sleep: { await recorder.record($0) })
        )
        await #expect(throws: EmbeddingsAPIError.timeout) {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
        }
        #expect(EmbeddingsAPIError.timeout.description == "Request timed out.")
        #expect(await recorder.waits == [.seconds(1), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1)])
    }

    @Test("the in-process fake's simulated rate limit surfaces as RateLimitError carrying the wait the fake asked for")
    func inProcessRateLimit() async throws {
        let recorder = SleepRecorder()
        let limited = FakeEmbeddings(limits: SimulatedLimits(requestsPerMinute: 1))
        let client = EmbeddingsClient(
            retryPolicy: RetryPolicy(maxRetries: 0, sleep: { await recorder.record($0) }, random: { 0 }),
            transport: InProcessTransport(fake: limited)
        )
        _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
        do {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("the second request within a minute must be limited")
        } catch {
            #expect(error.pythonClassName == "RateLimitError")
            guard case .status(let status) = error else { return }
            let wait = try #require(status.retryAfter)
            #expect(wait > .seconds(59) && wait <= .seconds(60))
            #expect(status.code == "rate_limit_exceeded")
        }
    }

    @Test("without a chosen format the client asks for base64 and hands back floats, as the SDK does")
    func defaultsToBase64() async throws {
        let base64 = #"{"object":"list","data":[{"object":"embedding","index":0,"embedding":"AACAPwAAAMA="}],"model":"text-embedding-3-small","usage":{"prompt_tokens":1,"total_tokens":1}}"#
        let server = try await ScriptedHTTPServer.start([.init(status: 200, body: base64)])
        defer { Task { await server.stop() } }
        let response = try await client(for: server, recorder: SleepRecorder()).create(input: .text("hi"), model: "text-embedding-3-small")
        #expect(response.data[0].embedding == .floats([1, -2]))
        #expect(await server.received.first?.body.contains(#""encoding_format":"base64""#) == true)
    }

    @Test("the SDK's backoff: min(0.5·2^n, 8) s shortened by up to a quarter of jitter; long retry-after is ignored")
    func backoffFormula() {
        let noJitter = RetryPolicy(random: { 0 })
        let fullJitter = RetryPolicy(random: { 0.999_999 })
        #expect(noJitter.delay(retryIndex: 0, retryAfter: nil) == .milliseconds(500))
        #expect(noJitter.delay(retryIndex: 5, retryAfter: nil) == .seconds(8))
        #expect(fullJitter.delay(retryIndex: 1, retryAfter: nil) == .milliseconds(750))
        #expect(noJitter.delay(retryIndex: 0, retryAfter: .seconds(61)) == .milliseconds(500))
    }
}
