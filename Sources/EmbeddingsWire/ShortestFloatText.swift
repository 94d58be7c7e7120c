/// The shortest decimal text that reads back as the same `Float`, written straight into a
/// byte buffer: the same characters as `Float.description`, in about two thirds of the time
/// the standard library's `Float.write(to:)` takes for the values embeddings hold (`make bench`).
///
/// A served 8 × 1536 float response is 12,288 numbers, and formatting them was most of the
/// fake endpoint's time. Embedding components lie in (-1, 1), so this handles every float
/// with 2⁻³⁴ ≤ |x| < 1 itself, with exact integer arithmetic, and hands everything else
/// (zero, |x| ≥ 1, tiny values, infinities, NaN) to the standard library.
///
/// Method: x = m · 2⁻ˢ exactly. The reals that round to x form an interval around it; scaled
/// by 10ᵏ (k chosen so the interval is at least 30 units wide) its ends become integers
/// computed exactly from a 64 × 64 → 128-bit product. The answer is the multiple of the
/// largest power of ten inside that interval that is nearest to x·10ᵏ (halfway cases to
/// even), so it has the fewest digits and, among those, is the closest — the same choice
/// the standard library makes. A test compares it with `Float.description` on every float of
/// the range (`Benchmarks float-text` checks all 285 million of them).
public enum ShortestFloatText {
    /// The room `write` needs at its destination: the longest text is 15 bytes
    /// ("-0.000123456789"), and a few fixed-width stores may reach a little past the text.
    public static let maximumLength = 24

    /// Writes the text of `value` at `destination` (room for `maximumLength` bytes) and
    /// returns how many bytes it wrote.
    @inlinable
    public static func write(_ value: Float, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if let decimal = ShortestDecimal(value) {
            return decimal.write(negative: value.sign == .minus, to: destination)
        }
        return writeWithStandardLibrary(value, to: destination)
    }

    @usableFromInline
    static func writeWithStandardLibrary(_ value: Float, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        for byte in value.description.utf8 where count < maximumLength {
            destination[count] = byte
            count += 1
        }
        return count
    }
}

/// x ≈ digits · 10^(exponent) with the fewest digits that still read back as x.
@usableFromInline
struct ShortestDecimal {
    @usableFromInline var digits: UInt64
    @usableFromInline var exponent: Int

    /// 10^exponent for 0 ≤ exponent ≤ 19 (10¹⁹ is the largest power of ten that fits in 64
    /// bits): a switch over constants, which the compiler turns into a table lookup.
    @inlinable @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

    /// Nil outside 2⁻³⁴ ≤ |x| < 1 (and for zero, infinities and NaN).
    @inlinable
    init?(_ value: Float) {
        let bits = value.bitPattern
        let biasedExponent = Int((bits >> 23) & 0xff)
        let fraction = UInt64(bits & 0x7f_ffff)
        // |x| < 1 means a biased exponent below 127; 2⁻³⁴ is biased exponent 93.
        guard biasedExponent >= 93, biasedExponent < 127 else { return nil }
        let significand = fraction | (1 << 23)
        let shift = 152 - biasedExponent  // x = 4·significand / 2^shift, shift in 26...59
        let roundsToEvenSignificand = significand & 1 == 0
        let middle = 4 * significand
        let upper = middle + 2
        let lower = middle - (fraction == 0 ? 1 : 2)  // a power of two has a closer neighbour below

        // 10^k / 2^shift lies in [10, 100): ⌊shift·log10(2)⌋ + 2, with log10(2) ≈ 78913 / 2¹⁸.
        let scaleExponent = (shift * 78913) >> 18 + 2
        let scale = Self.powerOfTen(scaleExponent)
        let (scaledCenter, centerExact) = Self.scaled(middle, by: scale, shift: shift)
        let (scaledUpper, upperExact) = Self.scaled(upper, by: scale, shift: shift)
        let (scaledLower, lowerExact) = Self.scaled(lower, by: scale, shift: shift)

        // The integers that read back as x: the interval's ends belong to x only when its
        // significand is even (ties round to even).
        let lowest = scaledLower + (lowerExact && roundsToEvenSignificand ? 0 : 1)
        let highest = scaledUpper - (upperExact && !roundsToEvenSignificand ? 1 : 0)

        // Drop trailing digits while a multiple of the next power of ten still fits between
        // `lowest` and `highest` (kept as ⌈lowest / 10ʳ⌉ and ⌊highest / 10ʳ⌋). The interval is
        // at least 30 units wide, so at least one digit always goes. `center` keeps
        // ⌊x·10ᵏ / 10ʳ⌋, with the last digit dropped and whether everything below it was zero,
        // which is all the rounding needs.
        var removed = 0
        var lowestLeft = lowest
        var highestLeft = highest
        var center = scaledCenter
        var lastRemoved: UInt64 = 0
        var belowLastIsZero = centerExact
        while true {
            let nextLowest = (lowestLeft + 9) / 10
            let nextHighest = highestLeft / 10
            guard nextHighest >= nextLowest else { break }
            lowestLeft = nextLowest
            highestLeft = nextHighest
            belowLastIsZero = belowLastIsZero && lastRemoved == 0
            let nextCenter = center / 10
            lastRemoved = center - nextCenter * 10
            center = nextCenter
            removed += 1
        }
        // Nearest to x, halfway cases to even, then kept inside the interval.
        var digits = center
        if lastRemoved > 5 || (lastRemoved == 5 && (!belowLastIsZero || digits & 1 == 1)) {
            digits += 1
        }
        digits = min(max(digits, lowestLeft), highestLeft)
        self.digits = digits
        self.exponent = removed - scaleExponent
    }

    /// ⌊value · scale / 2^shift⌋ and whether the division was exact.
    @inlinable @inline(__always)
    static func scaled(_ value: UInt64, by scale: UInt64, shift: Int) -> (UInt64, Bool) {
        let product = value.multipliedFullWidth(by: scale)
        let quotient = (product.high << (64 - shift)) | (product.low >> shift)
        let exact = product.low & ((1 << shift) - 1) == 0
        return (quotient, exact)
    }

    /// Formats like `Float.description`: "0.0069292835" from 10⁻⁴ on, "1.5e-05" below.
    @inlinable
    func write(negative: Bool, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let count = Self.digitCount(digits)
        let leadingExponent = count - 1 + exponent  // the power of ten of the first digit
        var position = 0
        if negative {
            destination[0] = UInt8(ascii: "-")
            position = 1
        }
        if leadingExponent >= -4 {
            // "0.000" written in one store, then the digits after the zeros that belong.
            UnsafeMutableRawPointer(destination + position).storeBytes(of: Self.zeroPointZeros, as: UInt64.self)
            position += 1 - leadingExponent
            Self.writeDigits(digits, count: count, to: destination + position)
            return position + count
        }
        // d.ddde-XX: the digits after the first go one place to the right of the point.
        Self.writeDigits(digits, count: count, to: destination + position + 1)
        destination[position] = destination[position + 1]
        if count > 1 {
            destination[position + 1] = UInt8(ascii: ".")
            position += count + 1
        } else {
            position += 1
        }
        let magnitude = -leadingExponent
        destination[position] = UInt8(ascii: "e")
        destination[position + 1] = UInt8(ascii: "-")
        destination[position + 2] = UInt8(ascii: "0") + UInt8(magnitude / 10)
        destination[position + 3] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        return position + 4
    }

    /// The bytes "0.000000" as one little-endian word.
    @usableFromInline static let zeroPointZeros: UInt64 = 0x3030_3030_3030_2E30

    /// The number of decimal digits of `value` (at least 1), without a loop: the bit length
    /// times log10(2) (≈ 1233 / 2¹²) is the count or one less, and one comparison tells which.
    @inlinable @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        let bitLength = 64 - (value | 1).leadingZeroBitCount
        let estimate = (bitLength * 1233) >> 12
        return estimate + (value >= powerOfTen(estimate) ? 1 : 0)
    }

    /// Writes the `count` digits of `value`, two at a time from the right; the common
    /// eight-digit tail in a fixed number of steps.
    @inlinable @inline(__always)
    static func writeDigits(_ value: UInt64, count: Int, to destination: UnsafeMutablePointer<UInt8>) {
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        var remaining = value
        var end = count
        if count >= 8 {
            var tail = remaining % 100_000_000
            remaining /= 100_000_000
            for _ in 0..<4 {
                let pair = Int(tail % 100) * 2
                tail /= 100
                destination[end - 1] = table[pair + 1]
                destination[end - 2] = table[pair]
                end -= 2
            }
        }
        while end >= 2 {
            let pair = Int(remaining % 100) * 2
            remaining /= 100
            destination[end - 1] = table[pair + 1]
            destination[end - 2] = table[pair]
            end -= 2
        }
        if end == 1 {
            destination[0] = UInt8(ascii: "0") + UInt8(remaining)
        }
    }
}
