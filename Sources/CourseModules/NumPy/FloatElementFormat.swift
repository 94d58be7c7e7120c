/// numpy's FloatingFormat for the default print options (precision 8, floatmode 'maxprec',
/// suppress off): decides positional or scientific notation and the padding from the values
/// shown, then formats each element to that common width.
struct FloatElementFormat {
    private var scientific = false
    private var padLeft = 0
    private var padRight = 0
    private var fractionDigits = 0
    private var exponentDigits = 2

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let nonZero = finite.filter { $0 != 0 }.map(\.magnitude)
        if let largest = nonZero.max(), let smallest = nonZero.min() {
            scientific = largest >= 1e8 || smallest < 0.0001 || largest / smallest > 1000
        }
        if finite.isEmpty {
            padLeft = 0
            padRight = 0
        } else if scientific {
            let parts = finite.map { FloatElementFormat.scientificDigits($0).scientificParts() }
            fractionDigits = parts.map(\.fraction.count).max() ?? 0
            exponentDigits = max(2, parts.map { String($0.exponent.magnitude).count }.max() ?? 2)
            padLeft = parts.map(\.integer.count).max() ?? 1
            padRight = exponentDigits + 2 + fractionDigits
        } else {
            let parts = finite.map { FloatElementFormat.positionalDigits($0).positionalParts() }
            padLeft = parts.map(\.integer.count).max() ?? 1
            padRight = parts.map(\.fraction.count).max() ?? 0
        }
        if finite.count != values.count {
            let hasNegativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (hasNegativeInfinity ? 1 : 0) - offset)
        }
    }

    /// Shortest digits, cut to 8 after the point when more would be needed.
    static func positionalDigits(_ value: Double) -> DecimalDigits {
        let shortest = DecimalDigits.shortest(value)
        return shortest.fractionDigitCount > NDArrayFormatter.precision
            ? DecimalDigits.rounded(value, fractionDigits: NDArrayFormatter.precision) : shortest
    }

    /// Shortest digits in scientific form, cut to 8 after the mantissa's point when more would be needed.
    static func scientificDigits(_ value: Double) -> DecimalDigits {
        let shortest = DecimalDigits.shortest(value)
        return shortest.digits.count - 1 > NDArrayFormatter.precision
            ? DecimalDigits.rounded(value, significantDigits: NDArrayFormatter.precision + 1) : shortest
    }

    func format(_ value: Double) -> String {
        if !value.isFinite {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return NDArrayFormatter.leftPad(text, padLeft + padRight + 1)
        }
        if scientific {
            let parts = FloatElementFormat.scientificDigits(value).scientificParts(minimumFractionDigits: fractionDigits)
            return NDArrayFormatter.leftPad(parts.integer, padLeft) + "." + parts.fraction
                + PythonFloatRepr.exponentText(parts.exponent, minimumDigits: exponentDigits)
        }
        let parts = FloatElementFormat.positionalDigits(value).positionalParts()
        let fraction = parts.fraction + String(repeating: " ", count: max(0, padRight - parts.fraction.count))
        return NDArrayFormatter.leftPad(parts.integer, padLeft) + "." + fraction
    }
}
