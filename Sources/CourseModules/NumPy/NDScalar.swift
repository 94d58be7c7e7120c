/// A numpy scalar such as `np.float64(0.5)` or `np.int64(2)`: what indexing one element,
/// reductions, `dot` of vectors and `argmin` return.
public struct NDScalar: Equatable, Sendable {
    public var value: Double
    public var dtype: NDType

    public init(_ value: Double, dtype: NDType = .float64) {
        self.value = value
        self.dtype = dtype
    }

    /// numpy 2's repr: `np.float64(0.5)`, `np.int64(3)`, `np.True_`.
    public var repr: String {
        switch dtype {
        case .float64: return "np.float64(\(PythonFloatRepr.string(value)))"
        case .int64: return "np.int64(\(NDScalar.integerText(value)))"
        case .bool: return value != 0 ? "np.True_" : "np.False_"
        }
    }

    /// `str()`: the same text the Python float, int or bool would print.
    public var str: String {
        switch dtype {
        case .float64: return PythonFloatRepr.string(value)
        case .int64: return NDScalar.integerText(value)
        case .bool: return value != 0 ? "True" : "False"
        }
    }

    static func integerText(_ value: Double) -> String {
        if let exact = Int64(exactly: value) { return String(exact) }
        return PythonFloatRepr.string(value)
    }
}
