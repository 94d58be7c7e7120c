import Foundation

/// The element-wise operators arrays support, with numpy's result types.
public enum NDOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    func resultType(_ left: NDType, _ right: NDType) -> NDType {
        if isComparison { return .bool }
        if self == .divide { return .float64 }
        return NDType.promoted(left, right)
    }

    /// The operation on two elements; `integer` selects numpy's integer semantics (x // 0 == 0).
    @inline(__always)
    func apply(_ x: Double, _ y: Double, integer: Bool) -> Double {
        switch self {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .floorDivide:
            if integer && y == 0 { return 0 }
            return (x / y).rounded(.down)
        case .modulo:
            if integer && y == 0 { return 0 }
            if y == 0 { return .nan }
            let remainder = fmod(x, y)
            return remainder != 0 && ((remainder < 0) != (y < 0)) ? remainder + y : remainder
        case .power: return pow(x, y)
        case .equal: return x == y ? 1 : 0
        case .notEqual: return x != y ? 1 : 0
        case .less: return x < y ? 1 : 0
        case .lessOrEqual: return x <= y ? 1 : 0
        case .greater: return x > y ? 1 : 0
        case .greaterOrEqual: return x >= y ? 1 : 0
        }
    }
}
