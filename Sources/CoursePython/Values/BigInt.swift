/// An arbitrary-precision integer, for Python ints beyond 64 bits (`2 ** 100`).
/// Sign and magnitude; the magnitude is little-endian 32-bit limbs without leading zeros.
struct BigInt: Equatable, Hashable {
    var negative: Bool
    var limbs: [UInt32]

    init(negative: Bool = false, limbs: [UInt32]) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    init(_ value: Int) {
        var m = value.magnitude
        var l: [UInt32] = []
        while m > 0 { l.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
        self.init(negative: value < 0, limbs: l)
    }

    /// The integer part of a finite double.
    init?(exactly d: Double) {
        guard d.isFinite else { return nil }
        let t = d.rounded(.towardZero)
        if let i = Int(exactly: t) { self.init(i); return }
        let exponent = Int(t.exponent) - 52
        let significand = BigInt(Int(t.significandBitPattern | (1 << 52)))
        var m = significand
        m = m.shiftedLeft(exponent)
        self.init(negative: t < 0, limbs: m.limbs)
    }

    /// Parses decimal digits with an optional sign.
    init?(decimal text: String) {
        var s = Substring(text)
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var result = BigInt(0)
        for c in s { result = result.multipliedSmall(10).addingSmall(UInt32(c.wholeNumberValue!)) }
        self.init(negative: negative, limbs: result.limbs)
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value as an Int when it fits.
    var intValue: Int? {
        guard limbs.count <= 2 else { return nil }
        var m: UInt = 0
        for (i, limb) in limbs.enumerated() { m |= UInt(limb) << (32 * i) }
        if negative {
            if m <= UInt(Int.max) + 1 { return m == UInt(Int.max) + 1 ? Int.min : -Int(m) }
            return nil
        }
        return m <= UInt(Int.max) ? Int(m) : nil
    }

    /// The nearest double (correctly rounded, as CPython's `float(int)`).
    var doubleValue: Double {
        if let i = intValue { return Double(i) }
        return Double(description) ?? (negative ? -.infinity : .infinity)
    }

    /// `a / b` correctly rounded: a quotient of at least 64 bits, with a sticky bit for any
    /// remainder so that rounding it once gives the right double.
    static func trueDivide(_ a: BigInt, _ b: BigInt) -> Double {
        let shift = max(0, 66 + b.bitWidth - a.bitWidth)
        var (q, r) = divideMagnitude(BigInt(limbs: a.limbs).shiftedLeft(shift), b)
        var exponent = -shift
        if !r.isZero {
            q = q.shiftedLeft(1).addingSmall(1)
            exponent -= 1
        }
        let magnitude = (Double(q.description) ?? .infinity) * pow2(exponent)
        return a.negative != b.negative ? -magnitude : magnitude
    }

    private static func pow2(_ e: Int) -> Double {
        var result = 1.0
        var remaining = e
        while remaining < -1000 { result *= 0x1p-1000; remaining += 1000 }
        while remaining > 1000 { result *= 0x1p1000; remaining -= 1000 }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }

    // MARK: magnitude helpers

    private static func compareMagnitude(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    private static func addMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let sum = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a - b for |a| >= |b|.
    private static func subtractMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var diff = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            borrow = 0
            if diff < 0 { diff += 1 << 32; borrow = 1 }
            result.append(UInt32(diff))
        }
        return result
    }

    private func multipliedSmall(_ factor: UInt32) -> BigInt {
        var result: [UInt32] = []
        var carry: UInt64 = 0
        for limb in limbs {
            let product = UInt64(limb) * UInt64(factor) + carry
            result.append(UInt32(truncatingIfNeeded: product))
            carry = product >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return BigInt(negative: negative, limbs: result)
    }

    private func addingSmall(_ value: UInt32) -> BigInt {
        BigInt(negative: negative, limbs: Self.addMagnitude(limbs, [value]))
    }

    /// Divides the magnitude by a small divisor: (quotient, remainder).
    private func dividedSmall(_ divisor: UInt32) -> ([UInt32], UInt32) {
        var quotient = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for i in stride(from: limbs.count - 1, through: 0, by: -1) {
            let current = (remainder << 32) | UInt64(limbs[i])
            quotient[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        return (quotient, UInt32(remainder))
    }

    private func shiftedLeft(_ bits: Int) -> BigInt {
        guard bits > 0, !isZero else { return bits < 0 ? shiftedRight(-bits) : self }
        let limbShift = bits / 32, bitShift = bits % 32
        var result = [UInt32](repeating: 0, count: limbShift)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)
            carry = bitShift == 0 ? 0 : limb >> (32 - bitShift)
        }
        if carry > 0 { result.append(carry) }
        return BigInt(negative: negative, limbs: result)
    }

    private func shiftedRight(_ bits: Int) -> BigInt {
        let limbShift = bits / 32, bitShift = bits % 32
        guard limbShift < limbs.count else { return BigInt(0) }
        var result: [UInt32] = []
        for i in limbShift..<limbs.count {
            let high: UInt32 = i + 1 < limbs.count && bitShift > 0 ? limbs[i + 1] << (32 - bitShift) : 0
            result.append((limbs[i] >> bitShift) | high)
        }
        return BigInt(negative: negative, limbs: result)
    }

    private var bitWidth: Int { limbs.isEmpty ? 0 : limbs.count * 32 - limbs.last!.leadingZeroBitCount }

    /// Truncating division of magnitudes: (quotient, remainder).
    private static func divideMagnitude(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
        let a = BigInt(negative: false, limbs: a.limbs), b = BigInt(negative: false, limbs: b.limbs)
        if compareMagnitude(a.limbs, b.limbs) < 0 { return (BigInt(0), a) }
        if b.limbs.count == 1 {
            let (q, r) = a.dividedSmall(b.limbs[0])
            return (BigInt(limbs: q), BigInt(Int(r)))
        }
        var quotient = [UInt32](repeating: 0, count: a.limbs.count)
        var remainder = BigInt(0)
        for bit in stride(from: a.bitWidth - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeft(1)
            if a.limbs[bit / 32] >> (bit % 32) & 1 == 1 { remainder = remainder.addingSmall(1) }
            if compareMagnitude(remainder.limbs, b.limbs) >= 0 {
                remainder = BigInt(limbs: subtractMagnitude(remainder.limbs, b.limbs))
                quotient[bit / 32] |= 1 << (bit % 32)
            }
        }
        return (BigInt(limbs: quotient), remainder)
    }

    // MARK: arithmetic

    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
        if compareMagnitude(a.limbs, b.limbs) >= 0 { return BigInt(negative: a.negative, limbs: subtractMagnitude(a.limbs, b.limbs)) }
        return BigInt(negative: b.negative, limbs: subtractMagnitude(b.limbs, a.limbs))
    }

    static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.negative, limbs: a.limbs) }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        guard !a.isZero, !b.isZero else { return BigInt(0) }
        var result = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                let t = UInt64(a.limbs[i]) * UInt64(b.limbs[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            var k = i + b.limbs.count
            while carry > 0 {
                let t = UInt64(result[k]) + carry
                result[k] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
                k += 1
            }
        }
        return BigInt(negative: a.negative != b.negative, limbs: result)
    }

    /// Python's floor division and modulo (the remainder takes the divisor's sign).
    static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
        var (q, r) = divideMagnitude(a, b)
        q = BigInt(negative: a.negative != b.negative, limbs: q.limbs)
        r = BigInt(negative: a.negative, limbs: r.limbs)
        if !r.isZero && (r.negative != b.negative) {
            q = q - BigInt(1)
            r = r + b
        }
        return (q, r)
    }

    static func < (a: BigInt, b: BigInt) -> Bool {
        if a.negative != b.negative { return a.negative }
        let c = compareMagnitude(a.limbs, b.limbs)
        return a.negative ? c > 0 : c < 0
    }

    /// Decimal digits, as `str(int)` prints them.
    var description: String {
        if isZero { return "0" }
        var chunks: [UInt32] = []
        var current = BigInt(negative: false, limbs: limbs)
        while !current.isZero {
            let (q, r) = current.dividedSmall(1_000_000_000)
            chunks.append(r)
            current = BigInt(limbs: q)
        }
        var text = negative ? "-" : ""
        text += String(chunks.last!)
        for chunk in chunks.dropLast().reversed() { text += String(chunk).leftPadded(9) }
        return text
    }
}
