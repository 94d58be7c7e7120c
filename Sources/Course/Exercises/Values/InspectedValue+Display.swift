extension InspectedValue {
    /// A short Python-style rendering for feedback: long sequences and strings are elided so
    /// that a 1536-number vector never floods the screen.
    public var brief: String { brief(depth: 0) }

    private func brief(depth: Int) -> String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .float(let value): return Self.shortFloat(value)
        case .scalar(let value, _): return Self.shortFloat(value)
        case .string(let value):
            let shown = value.count > 60 ? String(value.prefix(57)) + "..." : value
            let escaped = shown.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "'\(escaped)'"
        case .list(let items): return "[" + Self.elided(items.map { $0.brief(depth: depth + 1) }, depth: depth) + "]"
        case .tuple(let items):
            return "(" + Self.elided(items.map { $0.brief(depth: depth + 1) }, depth: depth) + (items.count == 1 ? ",)" : ")")
        case .dict(let entries):
            return "{" + Self.elided(entries.map { "\($0.key.brief(depth: depth + 1)): \($0.value.brief(depth: depth + 1))" }, depth: depth) + "}"
        case .array(let values, _):
            return "array([" + Self.elided(values.map(Self.shortFloat), depth: depth) + "])"
        case .other(_, let repr):
            return repr.count > 80 ? String(repr.prefix(77)) + "..." : repr
        }
    }

    private static func elided(_ parts: [String], depth: Int) -> String {
        let keep = depth == 0 ? 4 : 2
        guard parts.count > keep + 1 else { return parts.joined(separator: ", ") }
        return parts.prefix(keep).joined(separator: ", ") + ", ... (\(parts.count) items)"
    }

    /// A float with at most 6 significant digits, the way Python prints short floats.
    static func shortFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        var text = String(format: "%.6g", value)
        if text.contains("e") { return text }
        if !text.contains(".") { text += ".0" }
        return text
    }
}
