import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP through Foundation's `URLSession` (libcurl on Linux): TLS and the system's CA store
/// come with the toolchain, and nothing extra is built (docs/embeddings-api.md says why).
/// The first request to each host:port is preceded by a connect check with the SDK's 5 s
/// connect limit (`ConnectCheck`), which `URLSession` on Linux cannot set by itself.
public struct URLSessionTransport: HTTPTransport {
    let session: URLSession
    let connectCheck: ConnectCheck

    public init(session: URLSession = URLSessionTransport.sharedSession) {
        self.session = session
        connectCheck = ConnectCheck()
    }

    /// One session for the process: connections are reused across clients.
    public static let sharedSession: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration)
    }()

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        try await connectCheck.verify(request.url)
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.method == "GET" ? nil : request.body
        let seconds = Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18
        urlRequest.timeoutInterval = max(seconds, 0.001)
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .timedOut {
            throw .timeout
        } catch let error as URLError {
            throw .connection(detail: "The \(request.method) request to \(Self.place(request.url)) failed (URLError \(error.code.rawValue)). \(ConnectCheck.advice)")
        } catch {
            throw .connection(detail: "The \(request.method) request to \(Self.place(request.url)) failed. \(ConnectCheck.advice)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw .connection(detail: "\(Self.place(request.url)) did not answer with HTTP. \(ConnectCheck.advice)")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// `host:port` of a URL for messages: never its path or query.
    private static func place(_ url: URL) -> String {
        ConnectTarget(url: url, environment: [:])?.description ?? "the endpoint"
    }
}
