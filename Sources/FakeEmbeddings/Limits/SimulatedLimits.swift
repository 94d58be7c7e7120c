/// Optional limits a lesson or an instructor turns on to make the fake behave like a busy
/// account: requests and tokens per minute (429 with `x-ratelimit-*` and `retry-after`) and
/// an added latency per request.
public struct SimulatedLimits: Sendable, Hashable {
    /// Requests per minute, or nil for no limit.
    public var requestsPerMinute: Int?
    /// Tokens per minute, or nil for no limit.
    public var tokensPerMinute: Int?
    /// How long to wait before answering (the transport or server waits; the fake does no I/O).
    public var latency: Duration

    public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil, latency: Duration = .zero) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.latency = latency
    }

    /// No limits, no latency.
    public static let none = SimulatedLimits()
}
