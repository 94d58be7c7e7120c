/// `json.loads` as CPython 3.11 reads: the same accepted syntax (including NaN and Infinity),
/// the same JSONDecodeError messages and positions (counted in characters).
public struct JSONReader {
    private let text: [Unicode.Scalar]
    private var position = 0

    public static func read(_ document: String) throws(JSONError) -> JSONValue {
        var reader = JSONReader(text: Array(document.unicodeScalars))
        reader.skipWhitespace()
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.position == reader.text.count else { throw reader.failure("Extra data") }
        return value
    }

    private init(text: [Unicode.Scalar]) { self.text = text }

    private func failure(_ message: String, at location: Int? = nil) -> JSONError {
        JSONError.decode(message, document: text, position: location ?? position)
    }

    private var current: Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    private func matches(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return position + scalars.count <= text.count && Array(text[position..<position + scalars.count]) == scalars
    }

    private mutating func value() throws(JSONError) -> JSONValue {
        guard let scalar = current else { throw failure("Expecting value") }
        switch scalar {
        case "\"": return .string(try string())
        case "{": return try object()
        case "[": return try array()
        default: break
        }
        for (word, result) in [("null", JSONValue.null), ("true", .bool(true)), ("false", .bool(false)),
                               ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))] where matches(word) {
            position += word.unicodeScalars.count
            return result
        }
        if scalar == "-" || ("0"..."9").contains(scalar) { return try number() }
        throw failure("Expecting value")
    }

    private mutating func number() throws(JSONError) -> JSONValue {
        let start = position
        if current == "-" { position += 1 }
        guard let first = current, ("0"..."9").contains(first) else { throw failure("Expecting value", at: start) }
        if first == "0" { position += 1 } else { while let digit = current, ("0"..."9").contains(digit) { position += 1 } }
        var isFloat = false
        if current == "." && position + 1 < text.count && ("0"..."9").contains(text[position + 1]) {
            isFloat = true
            position += 1
            while let digit = current, ("0"..."9").contains(digit) { position += 1 }
        }
        if current == "e" || current == "E" {
            var lookahead = position + 1
            if lookahead < text.count && (text[lookahead] == "+" || text[lookahead] == "-") { lookahead += 1 }
            if lookahead < text.count && ("0"..."9").contains(text[lookahead]) {
                isFloat = true
                position = lookahead
                while let digit = current, ("0"..."9").contains(digit) { position += 1 }
            }
        }
        var literal = ""
        literal.unicodeScalars.append(contentsOf: text[start..<position])
        if isFloat { return .float(Double(literal) ?? .nan) }
        return .integer(literal == "-0" ? "0" : literal)
    }

    private mutating func string() throws(JSONError) -> String {
        let start = position
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure("Unterminated string starting at", at: start) }
            if scalar == "\"" { position += 1; return String(result) }
            if scalar.value < 0x20 { throw failure("Invalid control character at") }
            if scalar != "\\" { result.append(scalar); position += 1; continue }
            position += 1
            guard let escape = current else { throw failure("Unterminated string starting at", at: start) }
            switch escape {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "/": result.append("/")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                var code = try hex4(at: position + 1, escapeStart: position - 1)
                position += 4
                if (0xD800...0xDBFF).contains(code), position + 2 < text.count, text[position + 1] == "\\", text[position + 2] == "u",
                   let low = try? hex4(at: position + 3, escapeStart: position + 1), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default:
                throw failure("Invalid \\escape", at: position - 1)
            }
            position += 1
        }
    }

    private func hex4(at location: Int, escapeStart: Int) throws(JSONError) -> UInt32 {
        guard location + 4 <= text.count else { throw failure("Invalid \\uXXXX escape", at: escapeStart) }
        var value: UInt32 = 0
        for scalar in text[location..<location + 4] {
            guard let digit = Character(scalar).hexDigitValue else { throw failure("Invalid \\uXXXX escape", at: escapeStart) }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private mutating func array() throws(JSONError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == "]" { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if current == "]" { position += 1; return .array(items) }
            guard current == "," else { throw failure("Expecting ',' delimiter") }
            position += 1
        }
    }

    private mutating func object() throws(JSONError) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == "}" { position += 1; return .object(members) }
        while true {
            guard current == "\"" else { throw failure("Expecting property name enclosed in double quotes") }
            let key = try string()
            skipWhitespace()
            guard current == ":" else { throw failure("Expecting ':' delimiter") }
            position += 1
            skipWhitespace()
            let item = try value()
            if let existing = members.firstIndex(where: { $0.key == key }) {
                members[existing].value = item
            } else {
                members.append((key, item))
            }
            skipWhitespace()
            if current == "}" { position += 1; return .object(members) }
            guard current == "," else { throw failure("Expecting ',' delimiter") }
            position += 1
            skipWhitespace()
        }
    }
}
