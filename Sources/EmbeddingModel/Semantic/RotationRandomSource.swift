import Foundation

/// A small seeded generator (the SplitMix64 recipe): the same seed gives the same numbers on every platform,
/// which keeps each model's expansion fixed across machines and releases.
struct RotationRandomSource {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1].
    mutating func nextUnit() -> Double {
        Double((next() >> 11) + 1) / Double(1 << 53)
    }

    /// Standard normal (Box–Muller).
    mutating func nextGaussian() -> Double {
        let radius = (-2 * log(nextUnit())).squareRoot()
        return radius * cos(2 * Double.pi * nextUnit())
    }
}
