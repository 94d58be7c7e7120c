import Foundation

/// How the client retries, as the official SDK does: 2 retries by default; 408, 409, 429,
/// ≥ 500, connection errors and timeouts are retried; a server's `retry-after-ms` or
/// `retry-after` (0 < value ≤ 60 s) is honoured, else `min(0.5·2^n, 8) s × (1 − 0.25·random)`.
/// Sleeping and randomness are injectable so tests run instantly and deterministically.
public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var sleep: @Sendable (Duration) async -> Void
    /// A number in [0, 1) for the jitter.
    public var random: @Sendable () -> Double

    public init(
        maxRetries: Int = 2,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxRetries = maxRetries
        self.sleep = sleep
        self.random = random
    }

    static let initialDelay = 0.5
    static let maxDelay = 8.0
    static let maxRetryAfter = 60.0

    /// Whether an answer with `status` is worth retrying; a server's `x-should-retry` header wins.
    static func shouldRetry(status: Int, shouldRetryHeader: String?) -> Bool {
        switch shouldRetryHeader?.lowercased() {
        case "true": return true
        case "false": return false
        default: return status == 408 || status == 409 || status == 429 || status >= 500
        }
    }

    /// The wait before retry number `retryIndex` (0 for the first retry).
    func delay(retryIndex: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter, retryAfter > .zero, retryAfter <= .seconds(Self.maxRetryAfter) {
            return retryAfter
        }
        let base = min(Self.initialDelay * pow(2, Double(retryIndex)), Self.maxDelay)
        return .milliseconds(Int((base * (1 - 0.25 * random()) * 1000).rounded()))
    }

    /// The server's requested wait: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date.
    static func retryAfter(milliseconds: String?, seconds: String?, now: Date = Date()) -> Duration? {
        if let milliseconds, let value = Double(milliseconds.trimmingCharacters(in: .whitespaces)), value.isFinite {
            return .milliseconds(Int(value.rounded(.up)))
        }
        guard let seconds = seconds?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let value = Double(seconds), value.isFinite {
            return .milliseconds(Int((value * 1000).rounded(.up)))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: seconds) else { return nil }
        return .milliseconds(Int((date.timeIntervalSince(now) * 1000).rounded(.up)))
    }
}
