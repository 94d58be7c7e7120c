import Foundation

/// Requests-per-minute and tokens-per-minute buckets that refill continuously, like the
/// real API's limits. Shared by every copy of a `FakeEmbeddings`, so it is a locked class.
final class RateLimiter: @unchecked Sendable {
    /// What a request was granted, or why not.
    enum Decision {
        case allowed(headers: [FakeHTTPHeader])
        case limited(FakeAPIError)
    }

    private struct Bucket {
        let capacity: Double
        var available: Double
        var refreshed: Double

        mutating func refill(at now: Double) {
            available = min(capacity, available + (now - refreshed) * capacity / 60)
            refreshed = now
        }

        /// Seconds until `amount` is available again.
        func wait(for amount: Double) -> Double {
            max(0, (amount - available) * 60 / capacity)
        }

        /// Seconds until the bucket is full again.
        var secondsUntilFull: Double { (capacity - available) * 60 / capacity }
    }

    private let lock = NSLock()
    private let clock: FakeClock
    private var requests: Bucket?
    private var tokens: Bucket?

    init(limits: SimulatedLimits, clock: FakeClock) {
        self.clock = clock
        let start = clock.now()
        requests = limits.requestsPerMinute.map { Bucket(capacity: Double(max($0, 1)), available: Double(max($0, 1)), refreshed: start) }
        tokens = limits.tokensPerMinute.map { Bucket(capacity: Double(max($0, 1)), available: Double(max($0, 1)), refreshed: start) }
    }

    var isActive: Bool { requests != nil || tokens != nil }

    /// Takes one request and `tokenCount` tokens if both are available.
    func admit(tokenCount: Int, model: String) -> Decision {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now()
        requests?.refill(at: now)
        tokens?.refill(at: now)

        if let bucket = tokens, Double(tokenCount) > bucket.capacity {
            return .limited(FakeAPIError(
                status: 429,
                message: "Request too large for \(model) in organization \(RateLimiter.organization) on tokens per min (TPM): Limit \(Int(bucket.capacity)), Requested \(tokenCount). The input or output tokens must be reduced in order to run successfully. Visit https://platform.openai.com/account/rate-limits to learn more.",
                type: "tokens",
                code: "rate_limit_exceeded",
                headers: headers()
            ))
        }
        if let bucket = requests, bucket.available < 1 {
            return .limited(limitReached(bucket, requested: 1, model: model, unit: "requests", short: "RPM"))
        }
        if let bucket = tokens, bucket.available < Double(tokenCount) {
            return .limited(limitReached(bucket, requested: tokenCount, model: model, unit: "tokens", short: "TPM"))
        }
        requests?.available -= 1
        tokens?.available -= Double(tokenCount)
        return .allowed(headers: headers())
    }

    static let organization = "org-embedlings-fake"

    private func limitReached(_ bucket: Bucket, requested: Int, model: String, unit: String, short: String) -> FakeAPIError {
        let wait = bucket.wait(for: Double(requested))
        let used = Int((bucket.capacity - bucket.available).rounded(.down))
        var fields = headers()
        fields.append(FakeHTTPHeader("retry-after", String(Int(wait.rounded(.up)))))
        fields.append(FakeHTTPHeader("retry-after-ms", String(Int((wait * 1000).rounded(.up)))))
        return FakeAPIError(
            status: 429,
            message: "Rate limit reached for \(model) in organization \(RateLimiter.organization) on \(unit) per min (\(short)): Limit \(Int(bucket.capacity)), Used \(used), Requested \(requested). Please try again in \(RateLimiter.duration(wait)). Visit https://platform.openai.com/account/rate-limits to learn more.",
            type: unit,
            code: "rate_limit_exceeded",
            headers: fields
        )
    }

    private func headers() -> [FakeHTTPHeader] {
        var fields: [FakeHTTPHeader] = []
        if let requests {
            fields.append(FakeHTTPHeader("x-ratelimit-limit-requests", String(Int(requests.capacity))))
            fields.append(FakeHTTPHeader("x-ratelimit-remaining-requests", String(Int(requests.available.rounded(.down)))))
            fields.append(FakeHTTPHeader("x-ratelimit-reset-requests", RateLimiter.duration(requests.secondsUntilFull)))
        }
        if let tokens {
            fields.append(FakeHTTPHeader("x-ratelimit-limit-tokens", String(Int(tokens.capacity))))
            fields.append(FakeHTTPHeader("x-ratelimit-remaining-tokens", String(Int(tokens.available.rounded(.down)))))
            fields.append(FakeHTTPHeader("x-ratelimit-reset-tokens", RateLimiter.duration(tokens.secondsUntilFull)))
        }
        return fields
    }

    /// A duration as the API writes it: `1s`, `2.812s`, `6m0s`, `120ms`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded(.up)))ms" }
        if seconds < 60 {
            let millis = Int((seconds * 1000).rounded(.up))
            return millis % 1000 == 0 ? "\(millis / 1000)s" : String(format: "%.3fs", Double(millis) / 1000)
        }
        let whole = Int(seconds.rounded(.up))
        return "\(whole / 60)m\(whole % 60)s"
    }
}
