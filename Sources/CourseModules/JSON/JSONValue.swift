/// A JSON document as Python's json module sees it: dict key order kept, integers as their
/// decimal digits (Python ints have no size limit), floats as Double.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// Decimal digits with an optional leading `-`.
    case integer(String)
    case float(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (left: JSONValue, right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}
