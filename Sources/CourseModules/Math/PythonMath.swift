import Foundation

/// The float functions of Python's math module, with CPython's domain and range errors.
public enum PythonMath {
    public static func sqrt(_ x: Double) throws(MathError) -> Double {
        guard x >= 0 || x.isNaN else { throw .domain }
        return x.squareRoot()
    }

    /// `math.log(x)` or `math.log(x, base)`.
    public static func log(_ x: Double, base: Double? = nil) throws(MathError) -> Double {
        guard x > 0 || x.isNaN else { throw .domain }
        guard let base else { return Foundation.log(x) }
        guard base > 0 || base.isNaN else { throw .domain }
        let denominator = Foundation.log(base)
        guard denominator != 0 else { throw MathError(.value, "float division by zero") }
        return Foundation.log(x) / denominator
    }

    public static func log2(_ x: Double) throws(MathError) -> Double {
        guard x > 0 || x.isNaN else { throw .domain }
        return Foundation.log2(x)
    }

    public static func log10(_ x: Double) throws(MathError) -> Double {
        guard x > 0 || x.isNaN else { throw .domain }
        return Foundation.log10(x)
    }

    public static func exp(_ x: Double) throws(MathError) -> Double {
        let result = Foundation.exp(x)
        guard result.isFinite || !x.isFinite else { throw .range }
        return result
    }

    /// `math.pow`: like `**` on floats but with math's errors (0 to a negative power is a domain error).
    public static func pow(_ x: Double, _ y: Double) throws(MathError) -> Double {
        if x == 0 && y < 0 { throw .domain }
        if x < 0 && y.isFinite && y != y.rounded() { throw .domain }
        let result = Foundation.pow(x, y)
        guard result.isFinite || !x.isFinite || !y.isFinite else { throw .range }
        return result
    }

    /// `math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0)`.
    public static func isClose(_ a: Double, _ b: Double, relativeTolerance: Double = 1e-9, absoluteTolerance: Double = 0) throws(MathError) -> Bool {
        guard relativeTolerance >= 0, absoluteTolerance >= 0 else { throw MathError(.value, "tolerances must be non-negative") }
        if a == b { return true }
        if a.isInfinite || b.isInfinite { return false }
        let difference = (b - a).magnitude
        return difference <= (relativeTolerance * b).magnitude || difference <= (relativeTolerance * a).magnitude || difference <= absoluteTolerance
    }

    /// The integer part of a float for floor/ceil/trunc, with CPython's errors for inf and nan.
    public static func integral(_ x: Double, rounding: FloatingPointRoundingRule) throws(MathError) -> Double {
        if x.isNaN { throw MathError(.value, "cannot convert float NaN to integer") }
        if x.isInfinite { throw MathError(.overflow, "cannot convert float infinity to integer") }
        return x.rounded(rounding)
    }

    /// `math.fsum`: the correctly rounded sum (Shewchuk's exact partials, as CPython does).
    public static func fsum(_ values: [Double]) throws(MathError) -> Double {
        var partials: [Double] = []
        var specialSum = 0.0
        var infinitySum = 0.0
        for value in values {
            var x = value
            if !x.isFinite {
                if x.isInfinite { infinitySum += x }
                specialSum += x
                continue
            }
            var kept = 0
            for index in partials.indices {
                var y = partials[index]
                if x.magnitude < y.magnitude { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            if !x.isFinite { throw MathError(.overflow, "intermediate overflow in fsum") }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        if specialSum != 0 || specialSum.isNaN {
            if infinitySum.isNaN { throw MathError(.value, "-inf + inf in fsum") }
            return specialSum
        }
        guard var high = partials.popLast() else { return 0 }
        var low = 0.0
        while let next = partials.popLast() {
            let x = high
            let y = next
            high = x + y
            let yr = high - x
            low = y - yr
            if low != 0 { break }
        }
        if let next = partials.last, (low < 0 && next < 0) || (low > 0 && next > 0) {
            let y = low * 2
            let x = high + y
            let yr = x - high
            if y == yr { high = x }
        }
        return high
    }
}
