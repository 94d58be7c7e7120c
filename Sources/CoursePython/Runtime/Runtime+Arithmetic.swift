import Foundation

/// Binary and unary operators with CPython's semantics and messages.
extension Runtime {
    static func intOverflow() -> PyError {
        PyError.overflow("integer result too large for this operation")
    }

    /// `a <op> b`.
    public func binary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intBinary(op, x, y)
        case (.float(let x), .float(let y)): return try floatBinary(op, x, y)
        case (.float(let x), .int(let y)): return try floatBinary(op, x, Double(y), rightInt: y)
        case (.int(let x), .float(let y)): return try floatBinary(op, Double(x), y)
        default: break
        }
        if let result = try sequenceBinary(op, a, b) { return result }
        if case .object(let o) = a, let result = try o.binary(op, b, reflected: false, runtime: self) { return result }
        if case .object(let o) = b, let result = try o.binary(op, a, reflected: true, runtime: self) { return result }
        if case .bool = a, let x = a.intValue { return try binary(op, .int(x), b) }
        if case .bool = b, let y = b.intValue { return try binary(op, a, .int(y)) }
        throw unsupported(op, a, b)
    }

    func unsupported(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) -> PyError {
        if op == .add, case .str = a {
            return .typeError("can only concatenate str (not \"\(b.typeName)\") to str")
        }
        if op == .add, case .list = a {
            return .typeError("can only concatenate list (not \"\(b.typeName)\") to list")
        }
        if op == .add, case .tuple = a {
            return .typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        }
        if op == .multiply {
            switch (a, b) {
            case (.str, _), (.list, _), (.tuple, _):
                return .typeError("can't multiply sequence by non-int of type '\(b.typeName)'")
            case (_, .str), (_, .list), (_, .tuple):
                return .typeError("can't multiply sequence by non-int of type '\(a.typeName)'")
            default: break
            }
        }
        let symbol = op == .power ? "** or pow()" : op.symbol
        return .typeError("unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> PyValue {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
            return .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
            return .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
            return .int(r)
        case .trueDivide:
            if y == 0 { throw PyError.zeroDivision("division by zero") }
            let exact: UInt = 1 << 53
            if x.magnitude <= exact && y.magnitude <= exact { return .float(Double(x) / Double(y)) }
            return .float(BigInt.trueDivide(BigInt(x), BigInt(y)))
        case .floorDivide:
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            if x == .min && y == -1 { return try bigBinary(op, BigInt(x), BigInt(y)) }
            let q = x / y
            return .int((x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q)
        case .modulo:
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            if y == -1 { return .int(0) }
            let r = x % y
            return .int(r != 0 && ((r < 0) != (y < 0)) ? r + y : r)
        case .power:
            if y < 0 {
                if x == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b, o) = base.multipliedReportingOverflow(by: base)
                    if o { return try bigBinary(op, BigInt(x), BigInt(y)) }
                    base = b
                }
            }
            return .int(result)
        case .leftShift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 || (x << y) >> y != x { return try bigBinary(op, BigInt(x), BigInt(y)) }
            return .int(x << y)
        case .rightShift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply: throw unsupported(op, .int(x), .int(y))
        }
    }

    func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, rightInt: Int? = nil) throws -> PyValue {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide:
            if y == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PyError.zeroDivision("float floor division by zero") }
            return .float(Self.floatFloorDivide(x, y))
        case .modulo:
            if y == 0 { throw PyError.zeroDivision("float modulo") }
            return .float(Self.floatModulo(x, y))
        case .power:
            if x == 0 && y < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() { throw PyError.valueError("math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            throw unsupported(op, .float(x), rightInt.map { .int($0) } ?? .float(y))
        }
    }

    static func floatModulo(_ x: Double, _ y: Double) -> Double {
        var m = fmod(x, y)
        if m != 0 {
            if (y < 0) != (m < 0) { m += y }
        } else {
            m = y < 0 ? -0.0 : 0.0
        }
        return m
    }

    static func floatFloorDivide(_ x: Double, _ y: Double) -> Double {
        let m = fmod(x, y)
        var div = (x - m) / y
        if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
        if div == 0 { return (x / y) < 0 ? -0.0 : 0.0 }
        let floor = div.rounded(.down)
        return div - floor > 0.5 ? floor + 1 : floor
    }

    private func sequenceBinary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)):
            try reserveMemory(bytes: x.utf8.count + y.utf8.count)
            return .str(x + y)
        case (.add, .list(let x), .list(let y)):
            try reserveItems(x.items.count + y.items.count)
            return .list(PyList(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)):
            return .tuple(x + y)
        case (.multiply, .str(let s), _), (.multiply, _, .str(let s)):
            guard let n = (a.stringValue == nil ? a : b).intValue, !isFloat(a.stringValue == nil ? a : b) else { return nil }
            if n <= 0 || s.isEmpty { return .str("") }
            let (bytes, o) = s.utf8.count.multipliedReportingOverflow(by: n)
            try reserveMemory(bytes: o ? -1 : bytes)
            return .str(String(repeating: s, count: n))
        case (.multiply, .list(let l), _), (.multiply, _, .list(let l)):
            let other: PyValue = { if case .list = a { return b } else { return a } }()
            guard let n = other.intValue else { return nil }
            if n <= 0 { return .list(PyList()) }
            let (count, o) = l.items.count.multipliedReportingOverflow(by: n)
            try reserveItems(o ? -1 : count)
            var items: [PyValue] = []
            items.reserveCapacity(count)
            for _ in 0..<n { items.append(contentsOf: l.items) }
            return .list(PyList(items))
        case (.multiply, .tuple(let t), _), (.multiply, _, .tuple(let t)):
            let other: PyValue = { if case .tuple = a { return b } else { return a } }()
            guard let n = other.intValue else { return nil }
            if n <= 0 { return .tuple([]) }
            let (count, o) = t.count.multipliedReportingOverflow(by: n)
            try reserveItems(o ? -1 : count)
            return .tuple(Array([[PyValue]](repeating: t, count: n).joined()))
        case (.modulo, .str(let format), _):
            return .str(try percentFormat(format, b))
        case (.bitOr, .dict(let x), .dict(let y)):
            let merged = x.copy()
            for (k, v) in y.pairs { merged.setUnchecked(k, v) }
            return .dict(merged)
        case (.bitOr, .set(let x), .set(let y)):
            let merged = x.copy()
            for e in y.elements { merged.insert(HashKey(unchecked: e)) }
            return .set(merged)
        case (.bitAnd, .set(let x), .set(let y)):
            return .set(try makeSet(x.elements.filter { y.contains(HashKey(unchecked: $0)) }))
        case (.subtract, .set(let x), .set(let y)):
            return .set(try makeSet(x.elements.filter { !y.contains(HashKey(unchecked: $0)) }))
        default:
            return nil
        }
    }

    private func isFloat(_ v: PyValue) -> Bool {
        if case .float = v { return true }
        return false
    }

    /// `-a`, `+a`, `~a`.
    public func unary(_ op: UnaryOperator, _ a: PyValue) throws -> PyValue {
        switch (op, a) {
        case (.negate, .int(let x)):
            if x == .min { return Self.normalized(-BigInt(x)) }
            return .int(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return a
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let x)): return .int(~x)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .object(let o)):
            if let r = try o.unary(op, runtime: self) { return r }
        default: break
        }
        throw PyError.typeError("bad operand type for unary \(op.symbol): '\(a.typeName)'")
    }
}
