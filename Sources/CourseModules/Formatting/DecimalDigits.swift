import Foundation

/// The decimal digits of a finite Double: `0.d₁d₂…dₙ × 10^pointPosition`, as the building block
/// for Python's float repr, numpy's array printing and JSON.
///
/// `shortest` gives the fewest digits that read back to the same Double (Swift's description is
/// shortest-round-trip); `rounded` gives exactly-rounded digits (glibc printf, round-half-even).
struct DecimalDigits: Equatable, Sendable {
    /// Significant digits, each 0…9, without leading zeros; `[0]` for zero.
    var digits: [UInt8]
    /// Where the decimal point sits: the value is `0.digits × 10^pointPosition`.
    var pointPosition: Int
    var isNegative: Bool

    /// The shortest digits that round-trip to `value` (which must be finite).
    static func shortest(_ value: Double) -> DecimalDigits {
        parse(value.magnitude.description, isNegative: value.sign == .minus)
    }

    /// `value` rounded to `fractionDigits` digits after the point (exact, round-half-even).
    static func rounded(_ value: Double, fractionDigits: Int) -> DecimalDigits {
        parse(String(format: "%.\(fractionDigits)f", value.magnitude), isNegative: value.sign == .minus)
    }

    /// `value` rounded to `significantDigits` significant digits (exact, round-half-even).
    static func rounded(_ value: Double, significantDigits: Int) -> DecimalDigits {
        parse(String(format: "%.\(max(0, significantDigits - 1))e", value.magnitude), isNegative: value.sign == .minus)
    }

    /// Parses a non-negative decimal literal such as `12.5`, `1e-05`, `3.0e+20`.
    private static func parse(_ text: String, isNegative: Bool) -> DecimalDigits {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { seenPoint = true; continue }
            guard let digit = character.wholeNumberValue else { continue }
            if !seenPoint { pointPosition += 1 }
            digits.append(UInt8(digit))
        }
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        if digits == [0] { pointPosition = 1 }
        return DecimalDigits(digits: digits, pointPosition: pointPosition + exponent, isNegative: isNegative)
    }

    var isZero: Bool { digits == [0] }

    /// How many digits this value has after the decimal point in positional notation.
    var fractionDigitCount: Int { isZero ? 0 : max(0, digits.count - pointPosition) }

    /// Positional text: integer part and fraction part (without the point), sign on the integer part.
    func positionalParts(minimumFractionDigits: Int = 0) -> (integer: String, fraction: String) {
        var integer = ""
        if isZero || pointPosition <= 0 {
            integer = "0"
        } else {
            for index in 0..<pointPosition { integer.append(index < digits.count ? digitCharacter(digits[index]) : "0") }
        }
        var fraction = ""
        if !isZero {
            if pointPosition < 0 { fraction += String(repeating: "0", count: -pointPosition) }
            for index in max(0, pointPosition)..<max(pointPosition, digits.count) where index >= 0 && index < digits.count {
                fraction.append(digitCharacter(digits[index]))
            }
        }
        if fraction.count < minimumFractionDigits { fraction += String(repeating: "0", count: minimumFractionDigits - fraction.count) }
        return ((isNegative ? "-" : "") + integer, fraction)
    }

    /// Scientific text parts: the mantissa's leading digit (with sign), its fraction digits, and the exponent.
    func scientificParts(minimumFractionDigits: Int = 0) -> (integer: String, fraction: String, exponent: Int) {
        let integer = (isNegative ? "-" : "") + String(digitCharacter(digits[0]))
        var fraction = String(digits.dropFirst().map(digitCharacter))
        if fraction.count < minimumFractionDigits { fraction += String(repeating: "0", count: minimumFractionDigits - fraction.count) }
        return (integer, fraction, isZero ? 0 : pointPosition - 1)
    }

    private func digitCharacter(_ digit: UInt8) -> Character {
        Character(Unicode.Scalar(48 + digit))
    }
}
