import EmbeddingsWire
import Testing

/// The float writer behind served float responses must print exactly what Swift prints
/// (`Float.description`, the shortest text that reads back as the same float).
@Suite("Float text: the served JSON spells every float as Float.description does")
struct ShortestFloatTextTests {
    private func text(_ value: Float) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestFloatText.maximumLength) { buffer in
            let count = ShortestFloatText.write(value, to: buffer.baseAddress!)
            return String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    /// The first few mismatches among `values`, as "description vs ours" lines.
    private func mismatches(_ values: some Sequence<Float>) -> [String] {
        var found: [String] = []
        for value in values where text(value) != value.description {
            found.append("\(value.description) vs \(text(value)) (bits \(String(value.bitPattern, radix: 16)))")
            if found.count == 5 { break }
        }
        return found
    }

    @Test("typical embedding components, fixed and exponential, both signs")
    func typicalComponents() {
        let values: [Float] = [0.0069292835, -0.02, 0.1, 0.5, 0.99999994, 0.0001, 0.00012, 1e-5, 1.5e-5, 9.999999e-5, 1e-10, 3e-11, -0.33333334]
        #expect(mismatches(values + values.map { -$0 }).isEmpty)
    }

    @Test("values the fast path hands to the standard library: zero, one and above, tiny, non-finite")
    func outsideTheFastRange() {
        let values: [Float] = [0, -0.0, 1, -1, 1.5, 16777216, 1e16, 3.4028235e38, 1e-12, .leastNonzeroMagnitude, .leastNormalMagnitude, .infinity, -.infinity]
        #expect(mismatches(values).isEmpty)
        #expect(text(.nan) == Float.nan.description)
    }

    @Test("every float next to a power of two or of ten, where the rounding interval is lopsided")
    func boundaries() {
        var values: [Float] = []
        for exponent in -40...0 {
            let power = Float(sign: .plus, exponent: exponent, significand: 1)
            var value = power
            for _ in 0..<4 { value = value.nextDown }
            for _ in 0..<8 {
                values.append(value)
                value = value.nextUp
            }
        }
        for exponent in -12...0 {
            var value = Float("1e\(exponent)")!
            for _ in 0..<4 { value = value.nextDown }
            for _ in 0..<8 {
                values.append(value)
                value = value.nextUp
            }
        }
        #expect(mismatches(values).isEmpty)
    }

    @Test("a spread of two million floats across the whole fast range, both signs")
    func spreadAcrossTheRange() {
        // Biased exponents 93 to 126 hold 34 · 2²³ floats; a stride of 151 visits two million
        // of them, every mantissa pattern class included.
        let first = Float(sign: .plus, exponent: -34, significand: 1).bitPattern
        let last = Float(1).bitPattern
        let values = stride(from: first, to: last, by: 151).map { Float(bitPattern: $0) }
        #expect(mismatches(values).isEmpty)
        #expect(mismatches(values.prefix(100_000).map { -$0 }).isEmpty)
    }

    @Test("the text reads back as the very same float")
    func roundTrips() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &generator))
            guard value.isFinite else { continue }
            #expect(Float(text(value)) == value)
        }
    }
}
