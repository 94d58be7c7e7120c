import EmbeddingsWire
import Foundation

/// Not a speed measurement: the exhaustive proof behind `ShortestFloatText`. Every float in
/// its fast range (2⁻³⁴ ≤ x < 1, 285,212,672 values; negatives differ only by the sign) is
/// written and compared with `Float.description`. Run by hand: `Benchmarks float-text-exhaustive`
/// (about a minute); the test suite checks a two-million-value spread of the same range.
enum FloatTextCheck {
    static let command = ".build/release/Benchmarks float-text-exhaustive"

    static func run() {
        print("== ShortestFloatText against Float.description, every float in [2^-34, 1) ==")
        print("command: \(command)")
        let first = Float(sign: .plus, exponent: -34, significand: 1).bitPattern
        let last = Float(1).bitPattern
        let started = Date()
        var checked = 0
        var mismatches = 0
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: ShortestFloatText.maximumLength)
        defer { buffer.deallocate() }
        for bits in first..<last {
            let value = Float(bitPattern: bits)
            let count = ShortestFloatText.write(value, to: buffer)
            var expected = value.description
            let same = expected.withUTF8 { description in
                description.count == count && memcmp(description.baseAddress!, buffer, count) == 0
            }
            if !same {
                mismatches += 1
                if mismatches <= 10 {
                    print("mismatch: \(expected) written as \(String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self))")
                }
            }
            checked += 1
        }
        print(String(format: "%d floats checked in %.0f s: %d differ from Float.description", checked, Date().timeIntervalSince(started), mismatches))
    }
}
