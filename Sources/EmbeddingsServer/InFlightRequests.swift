import NIOConcurrencyHelpers

/// How many requests are being answered right now, so a shutdown can let them finish.
final class InFlightRequests: Sendable {
    private let count = NIOLockedValueBox(0)

    func begin() { count.withLockedValue { $0 += 1 } }
    func end() { count.withLockedValue { $0 -= 1 } }

    /// Returns once no request is in flight, or after `timeout`.
    func waitUntilIdle(timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while count.withLockedValue({ $0 }) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
