/// Floats as pydantic-core writes them in `model_dump_json`: the shortest round-trip digits,
/// positional from 1e-5 up to 1e16 (`0.00001`, `3.0`), otherwise `1e-7`, `1.5e+16`.
enum PydanticFloatText {
    static func string(_ value: Double) -> String {
        let decimal = DecimalDigits.shortest(value)
        let sign = decimal.isNegative ? "-" : ""
        if decimal.isZero { return sign + "0.0" }
        let decimalPoint = decimal.pointPosition
        if decimalPoint > -5 && decimalPoint <= 16 {
            let parts = decimal.positionalParts()
            return parts.integer + "." + (parts.fraction.isEmpty ? "0" : parts.fraction)
        }
        let parts = decimal.scientificParts()
        let mantissa = parts.fraction.isEmpty ? parts.integer : parts.integer + "." + parts.fraction
        return mantissa + "e" + (parts.exponent < 0 ? "-" : "+") + String(parts.exponent.magnitude)
    }
}
