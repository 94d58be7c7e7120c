/// Binary operators a host object can implement (`a + b`, `a @ b`, …).
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matrixMultiply = "@"
    case leftShift = "<<", rightShift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"

    /// The symbol as printed in CPython's TypeError messages.
    public var symbol: String { rawValue }
}

/// Rich comparisons (`==`, `<`, …).
public enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    public var swapped: CompareOperator {
        switch self {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        }
    }
}

/// Unary operators (`-a`, `+a`, `~a`).
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", invert = "~"

    /// The phrase CPython uses in "bad operand type for unary -".
    public var symbol: String { rawValue }
}
