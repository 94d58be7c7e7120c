/// A Python `int` too large for 64 bits. Its type is `int`, so `isinstance(x, int)` holds and
/// messages say `'int'`; results that fit again become plain `.int` values.
final class PyBigInt: PythonObject, PyEquatableObject, PyFormattable {
    let value: BigInt

    init(_ value: BigInt) { self.value = value }

    var pythonType: PyType { BuiltinTypes.int }

    func repr(runtime: Runtime) throws -> String? { value.description }

    func truthValue(runtime: Runtime) throws -> Bool? { !value.isZero }

    func isEqual(to other: any PythonObject) -> Bool {
        (other as? PyBigInt)?.value == value
    }

    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue? {
        if let otherBig = Runtime.bigValue(other) {
            return try reflected ? runtime.bigBinary(op, otherBig, value) : runtime.bigBinary(op, value, otherBig)
        }
        if case .float(let d) = other {
            return try reflected ? runtime.binary(op, .float(d), .float(value.doubleValue)) : runtime.binary(op, .float(value.doubleValue), .float(d))
        }
        return nil
    }

    func unary(_ op: UnaryOperator, runtime: Runtime) throws -> PyValue? {
        switch op {
        case .negate: return Runtime.normalized(-value)
        case .plus: return .object(self)
        case .invert: return Runtime.normalized(-(value + BigInt(1)))
        }
    }

    func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? {
        let ordering: Int
        if let otherBig = Runtime.bigValue(other) {
            ordering = value == otherBig ? 0 : (value < otherBig ? -1 : 1)
        } else if case .float(let d) = other {
            let mine = value.doubleValue
            ordering = mine == d ? 0 : (mine < d ? -1 : 1)
        } else {
            return op == .equal ? .bool(false) : (op == .notEqual ? .bool(true) : nil)
        }
        switch op {
        case .equal: return .bool(ordering == 0)
        case .notEqual: return .bool(ordering != 0)
        case .less: return .bool(ordering < 0)
        case .lessEqual: return .bool(ordering <= 0)
        case .greater: return .bool(ordering > 0)
        case .greaterEqual: return .bool(ordering >= 0)
        }
    }

    func format(spec: String, runtime: Runtime) throws -> String? {
        let type = spec.last.flatMap { "eEfFgG%".contains($0) ? $0 : nil }
        if type != nil { return try runtime.format(.float(value.doubleValue), spec: spec) }
        var digits = value.description
        if spec.contains(",") || spec.contains("_") {
            let separator = spec.contains(",") ? "," : "_"
            let sign = value.negative ? "-" : ""
            let bare = value.negative ? String(digits.dropFirst()) : digits
            var out = ""
            for (i, c) in bare.enumerated() {
                if i > 0 && (bare.count - i) % 3 == 0 { out += separator }
                out.append(c)
            }
            digits = sign + out
        }
        let width = Int(spec.filter { $0.isNumber }) ?? 0
        return digits.count >= width ? digits : String(repeating: " ", count: width - digits.count) + digits
    }
}

extension Runtime {
    /// `.int` when the value fits in 64 bits, else a big int.
    static func normalized(_ big: BigInt) -> PyValue {
        if let i = big.intValue { return .int(i) }
        return .object(PyBigInt(big))
    }

    /// The value as a BigInt, for ints, bools and big ints.
    static func bigValue(_ v: PyValue) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    /// Integer arithmetic beyond 64 bits, within the memory budget.
    func bigBinary(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) throws -> PyValue {
        switch op {
        case .add: return Self.normalized(a + b)
        case .subtract: return Self.normalized(a - b)
        case .multiply:
            try reserveMemory(bytes: (a.limbs.count + b.limbs.count) * 4)
            return Self.normalized(a * b)
        case .trueDivide:
            if b.isZero { throw PyError.zeroDivision("division by zero") }
            return .float(BigInt.trueDivide(a, b))
        case .floorDivide, .modulo:
            if b.isZero { throw PyError.zeroDivision("integer division or modulo by zero") }
            let (q, r) = BigInt.floorDivMod(a, b)
            return Self.normalized(op == .floorDivide ? q : r)
        case .power:
            if b.negative { return try binary(.power, .float(a.doubleValue), .float(b.doubleValue)) }
            guard let exponent = b.intValue else { throw PyError.memory("the sandbox's memory budget cannot hold this power") }
            let bits = Double(max(1, a.limbs.count * 32)) * Double(exponent)
            try reserveMemory(bytes: bits / 8 > Double(Int.max) ? -1 : Int(bits / 8))
            var result = BigInt(1), base = a, e = exponent
            while e > 0 {
                if e & 1 == 1 { result = result * base }
                e >>= 1
                if e > 0 { base = base * base }
                try step()
            }
            return Self.normalized(result)
        case .leftShift:
            guard let shift = b.intValue, shift >= 0 else { throw PyError.valueError("negative shift count") }
            try reserveMemory(bytes: a.limbs.count * 4 + shift / 8)
            var result = a
            for _ in 0..<(shift / 30) { result = result * BigInt(1 << 30) }
            return Self.normalized(result * BigInt(1 << (shift % 30)))
        case .rightShift:
            guard let shift = b.intValue, shift >= 0 else { throw PyError.valueError("negative shift count") }
            var result = a
            for _ in 0..<(shift / 30) { result = BigInt.floorDivMod(result, BigInt(1 << 30)).0 }
            return Self.normalized(BigInt.floorDivMod(result, BigInt(1 << (shift % 30))).0)
        case .bitAnd, .bitOr, .bitXor:
            throw PyError.overflow("bitwise operators on ints beyond 64 bits are not supported by the course's Python")
        case .matrixMultiply:
            throw unsupported(op, Self.normalized(a), Self.normalized(b))
        }
    }
}
