import Foundation

/// Where the first TCP connection of a request goes: the URL's host and port, or the proxy
/// that libcurl (under `URLSession` on Linux) would use for it from the environment
/// (`https_proxy`/`HTTPS_PROXY`, `http_proxy`, `all_proxy`/`ALL_PROXY`, minus `no_proxy`).
struct ConnectTarget: Hashable, Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    /// The environment variable that named this proxy; nil for a direct connection.
    var proxyVariable: String?

    /// `host:port`, with brackets around an IPv6 address.
    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Nil when the URL has no host (nothing to check).
    init?(url: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let direct = Self.endpoint(of: url) else { return nil }
        let scheme = url.scheme?.lowercased() ?? "http"
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
        if !Self.bypassesProxy(direct.host, noProxy: environment["no_proxy"] ?? environment["NO_PROXY"]),
           let name = names.first(where: { !(environment[$0] ?? "").isEmpty }),
           let value = environment[name],
           let proxyURL = URL(string: value.contains("://") ? value : "http://" + value),
           let proxy = Self.endpoint(of: proxyURL, defaultPort: 1080) {
            self.host = proxy.host
            self.port = proxy.port
            self.proxyVariable = name
        } else {
            self.host = direct.host
            self.port = direct.port
            self.proxyVariable = nil
        }
    }

    private static func endpoint(of url: URL, defaultPort: Int? = nil) -> (host: String, port: Int)? {
        guard var host = url.host, !host.isEmpty else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port ?? defaultPort ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return (host, port)
    }

    /// libcurl's `no_proxy` rule: `*`, or a listed name equal to the host or a domain suffix of it.
    private static func bypassesProxy(_ host: String, noProxy: String?) -> Bool {
        guard let noProxy else { return false }
        let lowered = host.lowercased()
        for raw in noProxy.split(separator: ",") {
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix(".") { entry.removeFirst() }
            if entry.isEmpty { continue }
            if lowered == entry || lowered.hasSuffix("." + entry) { return true }
        }
        return false
    }
}
