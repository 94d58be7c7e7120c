import EmbeddingsAPI
import EmbeddingsServer
import EmbeddingsWire
import FakeEmbeddings
import Foundation
import Testing

/// DESIGN.md's security model, pinned down with a made-up key that must never escape.
@Suite("The real key never escapes", .serialized)
struct CanaryKeyTests {
    static let canary = "sk-canary-7Q2x9LmZ4vB8nR1tK6yW3pJ5hD0fG"

    func expectNoCanary(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(Self.canary), "the canary key leaked: \(text.replacingOccurrences(of: Self.canary, with: "<CANARY>"))", sourceLocation: sourceLocation)
        #expect(!text.contains(String(Self.canary.dropFirst(8).dropLast(4))), sourceLocation: sourceLocation)
    }

    func everyRendering(_ value: Any) -> String {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped].joined(separator: "\n")
    }

    @Test("the key, the configuration and the client print, reflect and dump without it")
    func renderingsHideTheKey() throws {
        let configuration = EndpointConfiguration(endpoint: .openai, apiKey: APIKey(Self.canary))
        let client = EmbeddingsClient(configuration: configuration)
        expectNoCanary(everyRendering(APIKey(Self.canary)))
        expectNoCanary(everyRendering(configuration))
        expectNoCanary(everyRendering(client))
    }

    @Test("the configured server gets the key in place of the placeholder; the error it answers does not show it")
    func configuredHostGetsKey() async throws {
        let server = try await ScriptedHTTPServer.start([.init(status: 401, body: ScriptedHTTPServer.errorBody("Incorrect API key provided: \(APIKeyMask.mask(Self.canary)).", code: "invalid_api_key"))])
        defer { Task { await server.stop() } }
        let client = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(server.baseURL), apiKey: APIKey(Self.canary)))
        do {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("the scripted 401 must throw")
        } catch {
            #expect(error.pythonClassName == "AuthenticationError")
            expectNoCanary(everyRendering(error))
        }
        #expect(await server.received.first?.authorization == "Bearer \(Self.canary)")
    }

    @Test("a client pointed at another host sends the placeholder, not the key")
    func otherHostGetsPlaceholder() async throws {
        let server = try await ScriptedHTTPServer.start([.init(status: 200, body: ScriptedHTTPServer.successBody)])
        defer { Task { await server.stop() } }
        let configured = EndpointConfiguration(endpoint: .openai, apiKey: APIKey(Self.canary))
        let client = EmbeddingsClient(configuration: configured, baseURL: server.baseURL)
        _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small", encodingFormat: .float)
        #expect(await server.received.first?.authorization == "Bearer <OPENAI_API_TOKEN>")
    }

    @Test("the same host on another port is another origin and gets the placeholder")
    func otherPortGetsPlaceholder() async throws {
        let server = try await ScriptedHTTPServer.start([.init(status: 200, body: ScriptedHTTPServer.successBody)])
        defer { Task { await server.stop() } }
        let configured = EndpointConfiguration(endpoint: .url(URL(string: "http://127.0.0.1:1/v1")!), apiKey: APIKey(Self.canary))
        _ = try await EmbeddingsClient(configuration: configured, baseURL: server.baseURL).create(input: .text("hi"), model: "text-embedding-3-small", encodingFormat: .float)
        #expect(await server.received.first?.authorization == "Bearer <OPENAI_API_TOKEN>")
    }

    @Test("a configured server over plain http on another machine gets the placeholder; over https, or on this machine, the key", arguments: [
        ("http://192.0.2.10:8080/v1", false),
        ("http://instructor-laptop.local:8080/v1", false),
        ("https://proxy.example.org/v1", true),
        ("http://127.0.0.1:8080/v1", true),
        ("http://localhost:8080/v1", true),
        ("http://[::1]:8080/v1", true),
    ])
    func keyTravelsOnlyOverPrivateChannels(address: String, getsKey: Bool) async throws {
        let transport = CountingTransport()
        let url = try #require(URL(string: address))
        let client = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(url), apiKey: APIKey(Self.canary)), retryPolicy: RetryPolicy(maxRetries: 0), transport: transport)
        _ = try? await client.create(input: .text("hi"), model: "text-embedding-3-small")
        let sent = try #require(transport.authorizations.first ?? nil)
        #expect(sent == (getsKey ? "Bearer \(Self.canary)" : "Bearer <OPENAI_API_TOKEN>"), "\(address)")
    }

    @Test("the real API without a configured key fails before sending, in one line saying how to set it")
    func missingKeyFailsBeforeSending() async throws {
        let transport = CountingTransport()
        let client = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .openai), transport: transport)
        await #expect(throws: EmbeddingsAPIError.missingAPIKey) {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
        }
        #expect(transport.count == 0)
        let message = EmbeddingsAPIError.missingAPIKey.description
        #expect(!message.contains("\n"))
        #expect(message.contains("OPENAI_API_KEY"))
    }

    @Test("the in-process fake rejects the real key as incorrect and masks it")
    func fakeMasksTheKey() async throws {
        let client = EmbeddingsClient(apiKey: Self.canary)
        do {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("the fake accepts only the placeholder")
        } catch {
            #expect(error.pythonClassName == "AuthenticationError")
            #expect(error.description.contains("Incorrect API key provided: sk-canar"))
            expectNoCanary(everyRendering(error))
        }
    }

    @Test("the key file is written owner-only, read back, and refused once others can read it")
    func keyFileIsOwnerOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-canary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.json").path
        try APIKeyFile.write(APIKey(Self.canary), to: path)
        let permissions = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
        #expect(permissions.intValue & 0o777 == 0o600)
        let resolved = try EndpointConfiguration.resolve(endpointOption: "openai", environment: [:], keyFilePath: path)
        #expect(resolved.apiKey == APIKey(Self.canary))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: EndpointConfigurationError.configFileNotOwnerOnly(path: path)) {
            try EndpointConfiguration.resolve(endpointOption: "openai", environment: [:], keyFilePath: path)
        }
        expectNoCanary(EndpointConfigurationError.configFileNotOwnerOnly(path: path).description)
    }

    @Test("the served fake's answers to a wrong key never contain it")
    func servedFakeMasks() async throws {
        let server = try await EmbeddingsServer.start(EmbeddingsServerConfiguration(port: 0, fake: FakeEmbeddings(keyPolicy: .placeholderOnly)))
        defer { Task { await server.stop() } }
        let client = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .url(server.baseURL), apiKey: APIKey(Self.canary)))
        do {
            _ = try await client.create(input: .text("hi"), model: "text-embedding-3-small")
            Issue.record("a placeholder-only server must refuse the key")
        } catch {
            #expect(error.pythonClassName == "AuthenticationError")
            expectNoCanary(everyRendering(error))
        }
    }
}

/// A transport that only counts what it was asked to send, and keeps the `Authorization`
/// headers it saw; it never sends anything.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [String?] = []

    var count: Int { lock.withLock { sent.count } }
    var authorizations: [String?] { lock.withLock { sent } }

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        lock.withLock { sent.append(request.headers["authorization"]) }
        throw .connection(detail: "counting only")
    }
}
