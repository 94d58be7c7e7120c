import DifferentialSupport
@testable import EmbeddingsAPI
import Foundation
import Testing

/// The connect check goes where libcurl's first connection would: through a proxy named in the
/// environment unless `no_proxy` exempts the host.
@Suite struct ConnectTargetTests {

    private static func hint(checking url: String, environment: [String: String]) async -> String? {
        do {
            try await ConnectCheck(environment: environment).verify(URL(string: url)!)
            return nil
        } catch {
            if case .connection(let detail) = error { return detail }
            return "\(error)"
        }
    }

    @Test("with https_proxy set, an https endpoint is checked at the proxy, and the hint names the proxy and its variable")
    func proxyIsChecked() async throws {
        let port = try SilentLoopbackListener.refusingPort()
        let hint = await Self.hint(checking: "https://api.openai.com/v1/embeddings", environment: ["https_proxy": "127.0.0.1:\(port)"])
        #expect(hint?.hasPrefix("the proxy 127.0.0.1:\(port) (from $https_proxy) refused the connection") == true, "\(hint ?? "passed")")
    }

    @Test("no_proxy exempts a host (by name or domain suffix) and http_proxy does not apply to https")
    func proxyExemptions() async throws {
        let port = try SilentLoopbackListener.refusingPort()
        let exempt = await Self.hint(checking: "http://localhost:\(port)/v1", environment: ["http_proxy": "127.0.0.1:9", "no_proxy": "example.org, localhost"])
        #expect(exempt?.contains("localhost:\(port) refused the connection") == true, "\(exempt ?? "passed")")
        let otherScheme = await Self.hint(checking: "https://127.0.0.1:\(port)/v1", environment: ["http_proxy": "127.0.0.1:9"])
        #expect(otherScheme?.hasPrefix("127.0.0.1:\(port) refused the connection") == true, "\(otherScheme ?? "passed")")
        #expect(ConnectTarget(url: URL(string: "https://api.openai.com/v1")!, environment: ["HTTPS_PROXY": "proxy:3128", "NO_PROXY": ".openai.com"])?.proxyVariable == nil)
        #expect(ConnectTarget(url: URL(string: "https://api.openai.com/v1")!, environment: ["HTTPS_PROXY": "proxy:3128"])?.description == "proxy:3128")
    }
}
