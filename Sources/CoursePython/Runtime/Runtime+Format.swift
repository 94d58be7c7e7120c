import Foundation

/// `format(value, spec)`, f-string specs, `str.format` and `%` formatting.
extension Runtime {
    struct FormatSpec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var zeroPad = false
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?

        init(_ spec: String) throws {
            var chars = Array(spec)
            var i = 0
            func invalid() -> PyError { PyError.valueError("Invalid format specifier '\(spec)'") }
            if chars.count >= 2, "<>=^".contains(chars[1]) {
                fill = chars[0]; align = chars[1]; i = 2
            } else if !chars.isEmpty, "<>=^".contains(chars[0]) {
                align = chars[0]; i = 1
            }
            if i < chars.count, "+- ".contains(chars[i]) { sign = chars[i]; i += 1 }
            if i < chars.count, chars[i] == "#" { alternate = true; i += 1 }
            if i < chars.count, chars[i] == "0" { zeroPad = true; i += 1 }
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
            if !digits.isEmpty { width = Int(digits) ?? 0 }
            if i < chars.count, chars[i] == "," || chars[i] == "_" { grouping = chars[i]; i += 1 }
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { p.append(chars[i]); i += 1 }
                guard !p.isEmpty else { throw PyError.valueError("Format specifier missing precision") }
                precision = Int(p)
            }
            if i < chars.count { type = chars[i]; i += 1 }
            if i < chars.count { throw invalid() }
            chars.removeAll()
        }
    }

    /// `format(value, spec)`.
    public func format(_ value: PyValue, spec: String) throws -> String {
        if spec.isEmpty { return try str(value) }
        let f = try FormatSpec(spec)
        switch value {
        case .int(let i): return try formatInt(i, f, spec: spec)
        case .bool(let b):
            if f.type == nil || f.type == "s" { return pad(b ? "True" : "False", f, numeric: false) }
            return try formatInt(b ? 1 : 0, f, spec: spec)
        case .float(let d): return try formatFloat(d, f, typeName: "float")
        case .str(let s):
            if let t = f.type, t != "s" {
                throw PyError.valueError("Unknown format code '\(t)' for object of type 'str'")
            }
            if f.sign != "-" { throw PyError.valueError("Sign not allowed in string format specifier") }
            if f.align == "=" { throw PyError.valueError("'=' alignment not allowed in string format specifier") }
            var text = s
            if let p = f.precision { text = String(text.prefix(p)) }
            return pad(text, f, numeric: false)
        default:
            if case .object(let o) = value, let formatted = try (o as? PyFormattable)?.format(spec: spec, runtime: self) {
                return formatted
            }
            throw PyError.typeError("unsupported format string passed to \(value.typeName).__format__")
        }
    }

    private func pad(_ body: String, _ f: FormatSpec, numeric: Bool, signPrefix: String = "") -> String {
        let total = signPrefix.count + body.count
        guard f.width > total else { return signPrefix + body }
        let padding = f.width - total
        var align = f.align ?? (numeric ? ">" : "<")
        var fill = f.fill
        if f.zeroPad && f.align == nil && numeric { align = "="; fill = "0" }
        let fillText = { (n: Int) in String(repeating: fill, count: n) }
        switch align {
        case "<": return signPrefix + body + fillText(padding)
        case "^": return fillText(padding / 2) + signPrefix + body + fillText(padding - padding / 2)
        case "=": return signPrefix + fillText(padding) + body
        default: return fillText(padding) + signPrefix + body
        }
    }

    private func signText(_ negative: Bool, _ f: FormatSpec) -> String {
        if negative { return "-" }
        switch f.sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    private func formatInt(_ i: Int, _ f: FormatSpec, spec: String) throws -> String {
        switch f.type {
        case nil, "d", "n":
            if f.precision != nil { throw PyError.valueError("Precision not allowed in integer format specifier") }
            var digits = String(i.magnitude)
            if let g = f.grouping { digits = Formatting.grouped(Int(i.magnitude), separator: String(g)) }
            return pad(digits, f, numeric: true, signPrefix: signText(i < 0, f))
        case "x", "X", "o", "b":
            let radix = f.type == "o" ? 8 : (f.type == "b" ? 2 : 16)
            var digits = String(i.magnitude, radix: radix, uppercase: f.type == "X")
            if f.alternate { digits = (radix == 16 ? (f.type == "X" ? "0X" : "0x") : (radix == 8 ? "0o" : "0b")) + digits }
            return pad(digits, f, numeric: true, signPrefix: signText(i < 0, f))
        case "c":
            guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, i))) else { throw PyError.overflow("%c arg not in range(0x110000)") }
            return pad(String(Character(scalar)), f, numeric: false)
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(i), f, typeName: "int")
        case let t?:
            throw PyError.valueError("Unknown format code '\(t)' for object of type 'int'")
        }
    }

    func formatFloat(_ d: Double, _ f: FormatSpec, typeName: String) throws -> String {
        let negative = d.sign == .minus && !d.isNaN
        let magnitude = abs(d)
        var body: String
        switch f.type {
        case "f", "F", "%":
            let value = f.type == "%" ? magnitude * 100 : magnitude
            let p = f.precision ?? 6
            body = magnitude.isFinite ? String(format: "%.\(p)f", value) : nonFinite(magnitude, upper: f.type == "F")
            if f.alternate && p == 0 { body += "." }
            if f.type == "%" { body += "%" }
        case "e", "E":
            let p = f.precision ?? 6
            body = magnitude.isFinite ? String(format: "%.\(p)\(f.type == "E" ? "E" : "e")", magnitude) : nonFinite(magnitude, upper: f.type == "E")
        case "g", "G":
            let p = f.precision ?? 6
            body = magnitude.isFinite ? String(format: "%\(f.alternate ? "#" : "").\(max(p, 1))\(f.type == "G" ? "G" : "g")", magnitude) : nonFinite(magnitude, upper: f.type == "G")
        case nil:
            if let p = f.precision {
                body = magnitude.isFinite ? String(format: "%.\(max(p, 1))g", magnitude) : nonFinite(magnitude, upper: false)
                if magnitude.isFinite, !body.contains("."), !body.contains("e"), !body.contains("inf"), !body.contains("nan") { body += ".0" }
            } else {
                body = Formatting.reprFloat(magnitude)
            }
        case let t?:
            throw PyError.valueError("Unknown format code '\(t)' for object of type '\(typeName)'")
        }
        if let g = f.grouping, magnitude.isFinite {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let integerDigits = String(parts[0].prefix { $0.isNumber })
            let rest = String(body.dropFirst(integerDigits.count))
            body = groupDigits(integerDigits, String(g)) + rest
        }
        return pad(body, f, numeric: true, signPrefix: signText(negative, f))
    }

    private func groupDigits(_ digits: String, _ separator: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    private func nonFinite(_ d: Double, upper: Bool) -> String {
        let s = d.isNaN ? "nan" : "inf"
        return upper ? s.uppercased() : s
    }

    // MARK: str.format

    func formatMethod(_ template: String, _ arguments: Arguments) throws -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        var autoIndex = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < chars.count else { throw PyError.valueError("expected '}' before end of string") }
                let field = String(chars[(i + 1)..<j])
                out += try formatField(field, arguments, &autoIndex)
                i = j + 1
                continue
            }
            if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyError.valueError("Single '}' encountered in format string")
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private func formatField(_ field: String, _ arguments: Arguments, _ autoIndex: inout Int) throws -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = field.firstIndex(of: ":") {
            name = String(field[..<colon])
            spec = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            conversion = name[name.index(after: bang)...].first
            name = String(name[..<bang])
        }
        if spec.contains("{") { spec = try formatMethod(spec, arguments) }
        var firstEnd = name.startIndex
        while firstEnd < name.endIndex, name[firstEnd] != ".", name[firstEnd] != "[" { firstEnd = name.index(after: firstEnd) }
        let head = String(name[..<firstEnd])
        var value: PyValue
        if head.isEmpty {
            guard autoIndex < arguments.positional.count else {
                throw PyError.indexError("Replacement index \(autoIndex) out of range for positional args tuple")
            }
            value = arguments.positional[autoIndex]
            autoIndex += 1
        } else if let n = Int(head) {
            guard n < arguments.positional.count else {
                throw PyError.indexError("Replacement index \(n) out of range for positional args tuple")
            }
            value = arguments.positional[n]
        } else {
            guard let v = arguments.keyword(head) else { throw PyError.keyError(.str(head)) }
            value = v
        }
        var rest = Substring(name[firstEnd...])
        while !rest.isEmpty {
            if rest.first == "." {
                rest = rest.dropFirst()
                let attr = rest.prefix { $0 != "." && $0 != "[" }
                value = try getAttribute(value, String(attr))
                rest = rest.dropFirst(attr.count)
            } else if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw PyError.valueError("Missing ']' in format string") }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                rest = rest[rest.index(after: close)...]
            } else {
                break
            }
        }
        switch conversion {
        case "r", "a": value = .str(try repr(value))
        case "s": value = .str(try str(value))
        default: break
        }
        return try format(value, spec: spec)
    }

    // MARK: % formatting

    func percentFormat(_ template: String, _ argument: PyValue) throws -> String {
        var values: [PyValue]
        if case .tuple(let t) = argument { values = t } else { values = [argument] }
        let chars = Array(template)
        var out = ""
        var i = 0
        var used = 0
        while i < chars.count {
            guard chars[i] == "%" else { out.append(chars[i]); i += 1; continue }
            i += 1
            guard i < chars.count else { throw PyError.valueError("incomplete format") }
            if chars[i] == "%" { out.append("%"); i += 1; continue }
            var flags = ""
            while i < chars.count, "-+ 0#".contains(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            while i < chars.count, chars[i].isNumber { width.append(chars[i]); i += 1 }
            var precision = ""
            if i < chars.count, chars[i] == "." {
                i += 1
                precision = "."
                while i < chars.count, chars[i].isNumber { precision.append(chars[i]); i += 1 }
            }
            guard i < chars.count else { throw PyError.valueError("incomplete format") }
            let type = chars[i]
            i += 1
            guard used < values.count else { throw PyError.typeError("not enough arguments for format string") }
            let value = values[used]
            used += 1
            var align = flags.contains("-") ? "<" : ">"
            var fill = ""
            if flags.contains("0") && !flags.contains("-") && type != "s" && type != "r" { fill = "0"; align = "=" }
            let sign = flags.contains("+") ? "+" : (flags.contains(" ") ? " " : "")
            let spec: String
            switch type {
            case "s": out += try format(.str(try str(value)), spec: "\(align)\(width)\(precision)"); continue
            case "r": out += try format(.str(try repr(value)), spec: "\(align)\(width)\(precision)"); continue
            case "d", "i":
                guard let d = value.doubleValue else {
                    throw PyError.typeError("%\(type) format: a real number is required, not \(value.typeName)")
                }
                let n = value.intValue ?? Int(d.rounded(.towardZero))
                spec = "\(fill)\(align)\(sign)\(width)d"
                out += try format(.int(n), spec: spec)
                continue
            case "f", "F", "e", "E", "g", "G":
                guard let d = value.doubleValue else {
                    throw PyError.typeError("must be real number, not \(value.typeName)")
                }
                spec = "\(fill)\(align)\(sign)\(width)\(precision.isEmpty ? ".6" : precision)\(type)"
                out += try format(.float(d), spec: spec)
                continue
            case "x", "X", "o":
                guard let n = value.intValue else {
                    throw PyError.typeError("%\(type) format: an integer is required, not \(value.typeName)")
                }
                out += try format(.int(n), spec: "\(fill)\(align)\(sign)\(flags.contains("#") ? "#" : "")\(width)\(type)")
                continue
            default:
                throw PyError.valueError("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
        }
        if used < values.count {
            throw PyError.typeError("not all arguments converted during string formatting")
        }
        return out
    }
}

/// Host objects that support format specs (`f"{arr:.3f}"` is not numpy's, but a scalar is).
public protocol PyFormattable: PythonObject {
    func format(spec: String, runtime: Runtime) throws -> String?
}
