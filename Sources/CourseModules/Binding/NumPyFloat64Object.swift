import Foundation
import CoursePython

/// `np.float64`: what indexing a float array, `np.dot` of vectors, reductions and
/// `distance.cosine` return. Prints as numpy 2 does (`np.float64(0.5)` in reprs, `0.5` with
/// print) and otherwise behaves like a Python float in arithmetic, comparisons and formatting.
public final class NumPyFloat64Object: PythonObject, PyFormattable, PyEquatableObject {
    public let value: Double

    public init(_ value: Double) { self.value = value }

    static let type = PyType(
        name: "float64", module: "numpy",
        doc: "numpy.float64: a 64-bit float returned by numpy; behaves like a Python float.",
        methods: [
            "item": { me, _, _ in .float(try unwrap(me)) },
            "is_integer": { me, _, _ in .bool(try unwrap(me).rounded() == (try unwrap(me))) },
        ],
        constructor: { arguments, _ in
            guard let first = arguments.positional.first else { return .object(NumPyFloat64Object(0)) }
            if let number = NumPyConversions.number(first) { return .object(NumPyFloat64Object(number.value)) }
            if let text = first.stringValue, let parsed = Double(text.trimmingCharacters(in: .whitespaces)) {
                return .object(NumPyFloat64Object(parsed))
            }
            throw PyError.typeError("float() argument must be a string or a real number, not '\(first.typeName)'")
        }
    )

    static func unwrap(_ value: PyValue) throws -> Double {
        guard let number = NumPyConversions.number(value) else { throw PyError.typeError("expected numpy.float64, not \(value.typeName)") }
        return number.value
    }

    public var pythonType: PyType { NumPyFloat64Object.type }

    public func repr(runtime: Runtime) throws -> String? { NDScalar(value).repr }
    public func str(runtime: Runtime) throws -> String? { NDScalar(value).str }
    public func format(spec: String, runtime: Runtime) throws -> String? { try runtime.format(.float(value), spec: spec) }
    public func truthValue(runtime: Runtime) throws -> Bool? { value != 0 }
    public func isEqual(to other: any PythonObject) -> Bool { (other as? NumPyFloat64Object)?.value == value }

    public func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        switch name {
        case "real": return .object(self)
        case "imag": return .object(NumPyFloat64Object(0))
        case "dtype": return .object(NumPyDType(.float64))
        case "shape": return .tuple([])
        case "ndim": return .int(0)
        case "__abs__": return .object(PyNativeFunction(name: "__abs__") { [value] _, _ in .object(NumPyFloat64Object(value.magnitude)) })
        case "__round__":
            return .object(PyNativeFunction(name: "__round__") { [value] arguments, _ in
                guard let digits = arguments.positional.first, !digits.isNone else {
                    guard value.isFinite else {
                        throw value.isNaN ? PyError.valueError("cannot convert float NaN to integer") : PyError.overflow("cannot convert float infinity to integer")
                    }
                    return Int(exactly: value.rounded(.toNearestOrEven)).map(PyValue.int) ?? .float(value.rounded(.toNearestOrEven))
                }
                guard let count = digits.intValue else { throw PyError.typeError("'\(digits.typeName)' object cannot be interpreted as an integer") }
                guard value.isFinite, count >= 0, count <= 300 else { return .object(NumPyFloat64Object(value)) }
                return .object(NumPyFloat64Object(Double(String(format: "%.\(count)f", value)) ?? value))
            })
        default: return nil
        }
    }

    public func unary(_ op: UnaryOperator, runtime: Runtime) throws -> PyValue? {
        switch op {
        case .negate: return .object(NumPyFloat64Object(-value))
        case .plus: return .float(value)
        case .invert: return nil
        }
    }

    public func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue? {
        if case .object(let object) = other, object is NDArrayObject { return nil }
        guard let number = NumPyConversions.number(other) else { return nil }
        let left = PyValue.float(reflected ? number.value : value)
        let right = PyValue.float(reflected ? value : number.value)
        let result = try runtime.binary(op, left, right)
        if case .float(let float) = result { return .object(NumPyFloat64Object(float)) }
        return result
    }

    public func compare(_ op: CompareOperator, _ other: PyValue, runtime: Runtime) throws -> PyValue? {
        if case .object(let object) = other, object is NDArrayObject { return nil }
        guard let number = NumPyConversions.number(other) else { return op == .notEqual ? .bool(true) : (op == .equal ? .bool(false) : nil) }
        return try runtime.compare(op, .float(value), .float(number.value))
    }
}
