/// `json.dumps` as CPython 3.11 writes: the same separators, indentation, escapes and float text.
public struct JSONWriter: Sendable {
    /// `indent=`: nil for one line, otherwise the text repeated per level (`indent=2` is two spaces).
    public var indent: String?
    public var itemSeparator: String
    public var keySeparator: String
    public var sortKeys: Bool
    public var ensureASCII: Bool
    public var allowNaN: Bool
    /// How floats are spelled: CPython's repr, or pydantic-core's (`model_dump_json`: `0.00001`, `1e-7`, `1e+16`).
    public var floatStyle: FloatStyle = .python

    public enum FloatStyle: Sendable {
        case python
        case pydantic
    }

    /// The defaults of `json.dumps`; separators follow Python's rule (`', '` without indent, `','` with it).
    public init(indent: String? = nil, separators: (item: String, key: String)? = nil, sortKeys: Bool = false, ensureASCII: Bool = true, allowNaN: Bool = true) {
        self.indent = indent
        self.itemSeparator = separators?.item ?? (indent == nil ? ", " : ",")
        self.keySeparator = separators?.key ?? ": "
        self.sortKeys = sortKeys
        self.ensureASCII = ensureASCII
        self.allowNaN = allowNaN
    }

    public func write(_ value: JSONValue) throws(JSONError) -> String {
        var output = ""
        try write(value, level: 0, into: &output)
        return output
    }

    private func write(_ value: JSONValue, level: Int, into output: inout String) throws(JSONError) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let digits): output += digits
        case .float(let number): output += try floatText(number)
        case .string(let text): output += quoted(text)
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "["
            for (offset, item) in items.enumerated() {
                output += offset == 0 ? newline(level + 1) : itemSeparator + newline(level + 1)
                try write(item, level: level + 1, into: &output)
            }
            output += newline(level) + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            let ordered = sortKeys ? members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } : members
            output += "{"
            for (offset, member) in ordered.enumerated() {
                output += offset == 0 ? newline(level + 1) : itemSeparator + newline(level + 1)
                output += quoted(member.key) + keySeparator
                try write(member.value, level: level + 1, into: &output)
            }
            output += newline(level) + "}"
        }
    }

    private func newline(_ level: Int) -> String {
        guard let indent else { return "" }
        return "\n" + String(repeating: indent, count: level)
    }

    /// Python's float repr, with `NaN`/`Infinity` when allowed.
    func floatText(_ number: Double) throws(JSONError) -> String {
        if number.isFinite { return floatStyle == .python ? PythonFloatRepr.string(number) : PydanticFloatText.string(number) }
        guard allowNaN else {
            throw JSONError(.value, "Out of range float values are not JSON compliant")
        }
        if number.isNaN { return "NaN" }
        return number < 0 ? "-Infinity" : "Infinity"
    }

    /// A JSON string literal with CPython's escapes (`\uXXXX` for non-ASCII when ensure_ascii).
    public func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        output += hexEscape(0xD800 + (offset >> 10)) + hexEscape(0xDC00 + (offset & 0x3FF))
                    } else {
                        output += hexEscape(scalar.value)
                    }
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    private func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
