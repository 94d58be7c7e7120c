/// Compares a learner's value with the solution's: numbers with a relative tolerance (also
/// inside lists, tuples, dicts and arrays), everything else exactly. Ints and floats that are
/// equal compare equal, as in Python; a list and a 1-D array of the same numbers too, since
/// both are correct ways to hold a vector.
enum ValueComparison {
    /// Where two values first differ: a path such as `[3]['embedding']` (empty for the values
    /// themselves), or `nil` when they are equal within the tolerance.
    static func firstDifference(_ actual: InspectedValue, _ expected: InspectedValue, tolerance: Double) -> String? {
        if let a = actual.number, let b = expected.number, !isBool(actual), !isBool(expected) {
            return close(a, b, tolerance: tolerance) ? nil : ""
        }
        if let a = actual.numbers, let b = expected.numbers, isVectorLike(actual), isVectorLike(expected) {
            guard a.count == b.count else { return "" }
            for index in a.indices where !close(a[index], b[index], tolerance: tolerance) {
                return "[\(index)]"
            }
            return nil
        }
        switch (actual, expected) {
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            guard a.count == b.count else { return "" }
            for index in a.indices {
                if let path = firstDifference(a[index], b[index], tolerance: tolerance) {
                    return "[\(index)]" + path
                }
            }
            return nil
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return "" }
            for entry in b {
                guard let mine = a.first(where: { $0.key == entry.key }) else { return "" }
                if let path = firstDifference(mine.value, entry.value, tolerance: tolerance) {
                    return "[\(entry.key.brief)]" + path
                }
            }
            return nil
        case (.array(_, let shapeA), .array(_, let shapeB)):
            return shapeA == shapeB && actual == expected ? nil : ""
        default:
            return actual == expected ? nil : ""
        }
    }

    /// Relative closeness, with an absolute floor so that values near zero compare sensibly.
    static func close(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a == b { return true }
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) <= tolerance * max(1, max(abs(a), abs(b)))
    }

    private static func isBool(_ value: InspectedValue) -> Bool {
        if case .bool = value { return true }
        return false
    }

    private static func isVectorLike(_ value: InspectedValue) -> Bool {
        switch value {
        case .array: return true
        case .list(let items), .tuple(let items): return !items.isEmpty
        default: return false
        }
    }
}
