/// The element types the course's arrays carry, named as numpy names them.
public enum NDType: String, Sendable {
    case float64
    case int64
    case bool

    /// The type of the result when two arrays meet in arithmetic (numpy's promotion, restricted to these three).
    static func promoted(_ left: NDType, _ right: NDType) -> NDType {
        if left == .float64 || right == .float64 { return .float64 }
        return .int64
    }
}
