import FakeEmbeddings
import Foundation

/// A clock the test moves by hand, for the fake's rate limits.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double = 0

    func set(_ value: Double) {
        lock.lock()
        seconds = value
        lock.unlock()
    }

    var fakeClock: FakeClock {
        FakeClock { [self] in
            lock.lock()
            defer { lock.unlock() }
            return seconds
        }
    }
}
