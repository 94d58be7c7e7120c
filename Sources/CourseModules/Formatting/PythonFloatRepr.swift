/// CPython's `repr(float)`: the shortest digits that round-trip, positional between 1e-4 and
/// 1e16, scientific (`1e-05`, `1.5e+16`) outside, `inf`, `-inf`, `nan`.
enum PythonFloatRepr {
    static func string(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let decimal = DecimalDigits.shortest(value)
        let decimalPoint = decimal.pointPosition
        if !decimal.isZero && (decimalPoint > 16 || decimalPoint < -3) {
            let parts = decimal.scientificParts()
            let mantissa = parts.fraction.isEmpty ? parts.integer : parts.integer + "." + parts.fraction
            return mantissa + exponentText(parts.exponent, minimumDigits: 2)
        }
        let parts = decimal.positionalParts()
        return parts.integer + "." + (parts.fraction.isEmpty ? "0" : parts.fraction)
    }

    /// `e+05`, `e-123`: sign always present, at least `minimumDigits` digits.
    static func exponentText(_ exponent: Int, minimumDigits: Int) -> String {
        let magnitude = String(exponent.magnitude)
        let padding = String(repeating: "0", count: max(0, minimumDigits - magnitude.count))
        return "e" + (exponent < 0 ? "-" : "+") + padding + magnitude
    }
}
