/// The time source of the simulated rate limits, in seconds from any fixed origin.
/// Tests inject a clock they advance by hand; the default reads the monotonic clock.
public struct FakeClock: Sendable {
    public var now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) { self.now = now }

    /// The system's monotonic clock.
    public static var continuous: FakeClock {
        let origin = ContinuousClock.now
        return FakeClock {
            let elapsed = ContinuousClock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }
}
