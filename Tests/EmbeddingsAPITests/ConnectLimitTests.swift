import DifferentialSupport
import EmbeddingsAPI
import Foundation
import Testing

/// A URL where nothing answers ends a request after the SDK's 5 s connect limit per attempt,
/// not after URLSession's 600 s, and says where it tried and how to switch back.
@Suite struct ConnectLimitTests {
    private static let canary = "sk-canary-connect-0123456789abcdefghijklmnop"

    private static func client(port: Int, maxRetries: Int, recorder: SleepRecorder) -> EmbeddingsClient {
        let url = URL(string: "http://127.0.0.1:\(port)/v1")!
        return EmbeddingsClient(
            configuration: EndpointConfiguration(endpoint: .url(url), apiKey: APIKey(canary)),
            retryPolicy: RetryPolicy(maxRetries: maxRetries, sleep: { await recorder.record($0) }, random: { 0 })
        )
    }

    private static func connectionDetail(_ error: EmbeddingsAPIError) -> String? {
        if case .connection(let detail) = error { return detail }
        return nil
    }

    @Test("a port whose accept queue is full (no SYN answered) gives 'Connection error.' well before the old 600 s, naming host:port and :endpoint, never the key")
    func unansweredPortFailsAfterTheConnectLimit() async throws {
        let listener = try SilentLoopbackListener(.neverCompletesConnections)
        let recorder = SleepRecorder()
        let started = Date()
        do {
            _ = try await Self.client(port: listener.port, maxRetries: 0, recorder: recorder).create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("a port that answers nothing returned an answer")
        } catch {
            // The old wait was URLSession's 600 s timeout (APITimeoutError); the bound is loose
            // because a loaded test run can hold the task pool, and the hint below says what ended it.
            #expect(Date().timeIntervalSince(started) < 300)
            #expect(error.pythonClassName == "APIConnectionError")
            #expect(error.description == "Connection error.")
            let detail = Self.connectionDetail(error) ?? ""
            #expect(detail.contains("Nothing answered at 127.0.0.1:\(listener.port) within 5 s."))
            #expect(detail.contains(":endpoint fake"))
            #expect(!detail.contains(Self.canary) && !"\(error)".contains(Self.canary))
        }
    }

    @Test("connection errors are retried as the SDK does (2 retries), each attempt bounded by the connect limit")
    func retriesAreEachBounded() async throws {
        let listener = try SilentLoopbackListener(.neverCompletesConnections)
        let recorder = SleepRecorder()
        let started = Date()
        do {
            _ = try await Self.client(port: listener.port, maxRetries: 2, recorder: recorder).listModels()
            Issue.record("a port that answers nothing returned an answer")
        } catch {
            #expect(Date().timeIntervalSince(started) < 600, "the old wait was 3 × 600 s")
            #expect(error.pythonClassName == "APIConnectionError")
        }
        #expect(await recorder.waits == [.milliseconds(500), .milliseconds(1000)])
    }

    @Test("a port where nothing listens is refused at once, with a hint that says so")
    func refusedPortSaysNothingListens() async throws {
        let port = try SilentLoopbackListener.refusingPort()
        let recorder = SleepRecorder()
        do {
            _ = try await Self.client(port: port, maxRetries: 0, recorder: recorder).listModels()
            Issue.record("a closed port returned an answer")
        } catch {
            #expect(error.description == "Connection error.")
            #expect(Self.connectionDetail(error)?.hasPrefix("127.0.0.1:\(port) refused the connection: nothing is listening on that port.") == true)
        }
    }

    @Test("a host:port that accepted once is not checked again by the same client, while a new client checks it afresh")
    func successfulCheckIsRemembered() async throws {
        var listener: SilentLoopbackListener? = try SilentLoopbackListener(.connectsButNeverAnswers)
        let port = listener?.port ?? 0
        let url = URL(string: "http://127.0.0.1:\(port)/v1")!
        func makeClient() -> EmbeddingsClient {
            EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(url)), retryPolicy: RetryPolicy(maxRetries: 0), timeout: .seconds(1))
        }
        let client = makeClient()
        do {
            _ = try await client.listModels()
            Issue.record("a listener that never answers returned an answer")
        } catch {
            #expect(error == .timeout, "the check passed, so the request itself waited out its 1 s timeout")
        }
        listener = nil
        #expect(listener == nil)
        do {
            _ = try await client.listModels()
            Issue.record("a closed port returned an answer")
        } catch {
            let detail = Self.connectionDetail(error) ?? ""
            #expect(detail.contains("request to 127.0.0.1:\(port) failed"), "URLSession found the port closed, not the check: \(detail)")
        }
        do {
            _ = try await makeClient().listModels()
            Issue.record("a closed port returned an answer")
        } catch {
            #expect(Self.connectionDetail(error)?.contains("refused the connection") == true)
        }
    }
}
