/// Why the server could not start.
public enum EmbeddingsServerError: Error, Sendable, CustomStringConvertible {
    case didNotStart(host: String, port: Int)

    public var description: String {
        switch self {
        case .didNotStart(let host, let port):
            "could not listen on \(host):\(port); is another server using the port? Try --port 0 for a free one"
        }
    }
}
