/// A snapshot of a Python value, taken from the interpreter so that checks can compare the
/// learner's results with the solution's without holding on to the interpreter's objects.
public indirect enum InspectedValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([InspectedValue])
    case tuple([InspectedValue])
    case dict([Entry])
    /// A numpy array, flattened, with its shape.
    case array([Double], shape: [Int])
    /// A number of a non-builtin numeric type (numpy's `float64`, `int64`), keeping its type name.
    case scalar(Double, typeName: String)
    /// Anything else (objects, functions, modules): its type name and its `repr`.
    case other(typeName: String, repr: String)

    /// A key and its value, in insertion order.
    public struct Entry: Sendable, Equatable {
        public var key: InspectedValue
        public var value: InspectedValue

        public init(key: InspectedValue, value: InspectedValue) {
            self.key = key
            self.value = value
        }
    }

    /// The name Python's `type(x).__name__` gives.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .array: return "ndarray"
        case .scalar(_, let typeName): return typeName
        case .other(let typeName, _): return typeName
        }
    }

    /// The value as a list of numbers, when it is one: a list, tuple or 1-D array of ints and
    /// floats. Vectors from either the object (`.embedding`) or the dictionary qualify.
    public var numbers: [Double]? {
        switch self {
        case .array(let values, let shape) where shape.count == 1:
            return values
        case .list(let items), .tuple(let items):
            var values: [Double] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let number = item.number else { return nil }
                values.append(number)
            }
            return values
        default:
            return nil
        }
    }

    /// A single number, when the value is one (a bool is not).
    public var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .float(let value): return value
        case .scalar(let value, _): return value
        case .array(let values, let shape) where shape.isEmpty && values.count == 1: return values[0]
        default: return nil
        }
    }

    /// Python's truthiness for the snapshot.
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .float(let value): return value != 0
        case .scalar(let value, _): return value != 0
        case .string(let value): return !value.isEmpty
        case .list(let items), .tuple(let items): return !items.isEmpty
        case .dict(let entries): return !entries.isEmpty
        case .array(let values, _): return !values.isEmpty
        case .other: return true
        }
    }
}
