import Testing
@testable import EmbeddingModel

@Suite("16-bit floats in the model file read as the numbers they are")
struct HalfPrecisionBitsTests {
    @Test("known patterns: one, minus two, the largest, the smallest subnormal, signed zero, infinities, NaN")
    func knownPatterns() {
        #expect(Float(halfPrecisionBits: 0x3C00) == 1)
        #expect(Float(halfPrecisionBits: 0xC000) == -2)
        #expect(Float(halfPrecisionBits: 0x3555) == 0x1.554p-2)
        #expect(Float(halfPrecisionBits: 0x7BFF) == 65504)
        #expect(Float(halfPrecisionBits: 0x0400) == 0x1p-14)
        #expect(Float(halfPrecisionBits: 0x0001) == 0x1p-24)
        #expect(Float(halfPrecisionBits: 0x83FF) == -1023 * 0x1p-24)
        #expect(Float(halfPrecisionBits: 0x0000) == 0 && Float(halfPrecisionBits: 0x0000).sign == .plus)
        #expect(Float(halfPrecisionBits: 0x8000) == 0 && Float(halfPrecisionBits: 0x8000).sign == .minus)
        #expect(Float(halfPrecisionBits: 0x7C00) == .infinity)
        #expect(Float(halfPrecisionBits: 0xFC00) == -.infinity)
        #expect(Float(halfPrecisionBits: 0x7E00).isNaN)
        #expect(Float(halfPrecisionBits: 0xFC01).isNaN)
    }

    @Test("every pattern that is a number keeps its order with its neighbours, and a normal one survives the trip back to 16 bits")
    func everyPattern() {
        var previous: Float?
        var outOfOrder: [UInt16] = [], notKept: [UInt16] = []
        // Negative patterns from the most negative up, then the positive ones: an ascending walk.
        let ascending = Array((0x8000...0xFC00).reversed()) + Array(0x0001...0x7C00)
        for bits in ascending.map(UInt16.init) {
            let value = Float(halfPrecisionBits: bits)
            if let previous, value <= previous { outOfOrder.append(bits) }
            previous = value
            if value.isFinite && (value == 0 || value.magnitude >= 0x1p-14) && TinyModelFile.halfBits(value) != bits {
                notKept.append(bits)
            }
        }
        #expect(outOfOrder.isEmpty, "patterns not above their predecessor: \(outOfOrder.prefix(5))")
        #expect(notKept.isEmpty, "patterns that did not survive the trip: \(notKept.prefix(5))")
    }

    #if !(os(macOS) && arch(x86_64))
    @Test("every one of the 65,536 patterns reads as Swift's own Float16 converts it")
    func agreesWithFloat16() {
        let disagreeing = (UInt16.min...UInt16.max).filter { bits in
            let ours = Float(halfPrecisionBits: bits)
            let standard = Float(Float16(bitPattern: bits))
            return ours.bitPattern != standard.bitPattern && !(ours.isNaN && standard.isNaN)
        }
        #expect(disagreeing.isEmpty, "patterns read differently: \(disagreeing.prefix(5))")
    }
    #endif
}
