import Foundation

/// The methods of `int` and `float`, and the conversions `int(x)` and `float(x)`.
enum NumberMethods {
    nonisolated(unsafe) static let intMethods: [String: NativeMethod] = [
        "bit_length": { v, a, r in
            try a.expectExactly(0, "int.bit_length")
            let i = v.intValue ?? 0
            return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
        },
        "is_integer": { v, a, r in .bool(true) },
    ]

    nonisolated(unsafe) static let floatMethods: [String: NativeMethod] = [
        "is_integer": { v, a, r in
            try a.expectExactly(0, "float.is_integer")
            let d = v.doubleValue ?? 0
            return .bool(d.isFinite && d == d.rounded())
        },
    ]

    /// Parses Python's float literals accepted by `float(str)`.
    static func parseFloat(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
        switch s.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(s)
    }

    /// `int(d)` for a float: truncates toward zero.
    static func truncate(_ d: Double) throws -> Int {
        if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else { throw Runtime.intOverflow() }
        return i
    }
}

extension Runtime {
    func makeInt(_ a: Arguments) throws -> PyValue {
        let b = try a.bind("int", [.optional("x"), .optional("base")])
        guard let x = b["x"] else { return .int(0) }
        if let baseValue = b["base"] {
            guard case .str(let s) = x else { throw PyError.typeError("int() can't convert non-string with explicit base") }
            let base = baseValue.intValue ?? 10
            var digits = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "").lowercased()
            for prefix in ["0x", "0o", "0b"] where digits.hasPrefix(prefix) { digits.removeFirst(2) }
            guard let v = Int(digits, radix: base) else {
                throw PyError.valueError("invalid literal for int() with base \(base): \(Formatting.reprString(s))")
            }
            return .int(v)
        }
        switch x {
        case .int: return x
        case .bool(let v): return .int(v ? 1 : 0)
        case .float(let d):
            if d.isFinite, let big = BigInt(exactly: d) { return Runtime.normalized(big) }
            return .int(try NumberMethods.truncate(d))
        case .str(let s):
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            let cleaned = trimmed.contains("__") || trimmed.hasPrefix("_") || trimmed.hasSuffix("_") ? "" : trimmed.replacingOccurrences(of: "_", with: "")
            if let v = Int(cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned) { return .int(v) }
            if let big = BigInt(decimal: cleaned) { return Runtime.normalized(big) }
            throw PyError.valueError("invalid literal for int() with base 10: \(Formatting.reprString(s))")
        case .object(let o):
            if o is PyBigInt { return x }
            if let n = try o.unary(.plus, runtime: self), case .float(let d) = n { return .int(try NumberMethods.truncate(d)) }
            if let n = try o.unary(.plus, runtime: self), case .int = n { return n }
            fallthrough
        default:
            throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
        }
    }

    func makeFloat(_ a: Arguments) throws -> PyValue {
        try a.expectAtMost(1, "float")
        guard let x = a.positional.first else { return .float(0) }
        switch x {
        case .float: return x
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let s):
            if let d = NumberMethods.parseFloat(s) { return .float(d) }
            throw PyError.valueError("could not convert string to float: \(Formatting.reprString(s))")
        case .object(let o):
            if let big = o as? PyBigInt { return .float(big.value.doubleValue) }
            if let n = try o.unary(.plus, runtime: self), let d = n.doubleValue, n.stringValue == nil { return .float(d) }
            fallthrough
        default:
            throw PyError.typeError("float() argument must be a string or a real number, not '\(x.typeName)'")
        }
    }

    func makeDict(_ a: Arguments) throws -> PyValue {
        let d = PyDict()
        if a.positional.count > 1 { throw PyError.typeError("dict expected at most 1 argument, got \(a.positional.count)") }
        if let source = a.positional.first { try mergePairs(source, into: d) }
        for (k, v) in a.keywords { d.setUnchecked(.str(k), v) }
        return .dict(d)
    }

    /// Adds a mapping's entries, or an iterable of pairs, to `d` (dict(...) and dict.update).
    func mergePairs(_ source: PyValue, into d: PyDict) throws {
        if case .dict(let other) = source {
            for (k, v) in other.pairs { d.setUnchecked(k, v) }
            return
        }
        for (n, item) in try iterate(source).enumerated() {
            guard let pair = item.sequenceItems ?? ((try? iterate(item)).flatMap { item.stringValue == nil ? $0 : nil }) else {
                throw PyError.typeError("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            guard pair.count == 2 else {
                throw PyError.valueError("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            d.set(try hashKey(pair[0]), pair[1])
        }
    }
}
