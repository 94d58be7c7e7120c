/// CPython's textual forms of numbers and strings, and friendly sizes for sandbox messages.
enum Formatting {
    /// `repr(float)`: the shortest digits that round-trip, in CPython's layout
    /// (`0.1`, `100.0`, `1e-05`, `1e+16`, `1.5e+300`, `inf`, `nan`, `-0.0`).
    static func reprFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = shortestDigits(d)
        let sign = negative ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            return sign + fixed(digits: digits, exponent: exponent, minFraction: 1)
        }
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        return sign + mantissa + exponentSuffix(exponent)
    }

    static func exponentSuffix(_ exponent: Int) -> String {
        let magnitude = String(abs(exponent))
        return "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }

    /// Lays out decimal digits `d0.d1d2… × 10^exponent` without an exponent.
    static func fixed(digits: String, exponent: Int, minFraction: Int) -> String {
        let chars = Array(digits)
        if exponent >= 0 {
            var integer = ""
            var fraction = ""
            for (i, c) in chars.enumerated() {
                if i <= exponent { integer.append(c) } else { fraction.append(c) }
            }
            if integer.count < exponent + 1 { integer += String(repeating: "0", count: exponent + 1 - integer.count) }
            if fraction.count < minFraction { fraction += String(repeating: "0", count: minFraction - fraction.count) }
            return fraction.isEmpty ? integer : integer + "." + fraction
        }
        return "0." + String(repeating: "0", count: -exponent - 1) + digits
    }

    /// The shortest round-trip decimal digits of a finite non-zero double (no leading or
    /// trailing zeros) and the decimal exponent of the first digit.
    static func shortestDigits(_ d: Double) -> (negative: Bool, digits: String, exponent: Int) {
        var text = "\(abs(d))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let before = String(parts[0])
        let after = parts.count > 1 ? String(parts[1]) : ""
        var all = Array(before + after)
        var point = before.count + exponent
        while all.first == "0" { all.removeFirst(); point -= 1 }
        while all.last == "0" { all.removeLast() }
        if all.isEmpty { all = ["0"]; point = 1 }
        return (d < 0, String(all), point - 1)
    }

    /// `repr(str)`: CPython's quote choice and escapes.
    static func reprString(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
                } else if scalar.value >= 0x80 && !isPrintable(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += scalar.value <= 0xFF ? "\\x" + hex.leftPadded(2) : (scalar.value <= 0xFFFF ? "\\u" + hex.leftPadded(4) : "\\U" + hex.leftPadded(8))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    /// `12345678` → `12,345,678`.
    static func grouped(_ n: Int, separator: String = ",") -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func bytes(_ n: Int) -> String {
        if n >= 1 << 30 { return "\(Double(n) / Double(1 << 30) == Double(n >> 30) ? String(n >> 30) : reprFloat((Double(n) / Double(1 << 30) * 10).rounded() / 10)) GiB" }
        if n >= 1 << 20 { return "\(n >> 20) MiB" }
        if n >= 1 << 10 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(reprFloat(s)) s"
    }
}
