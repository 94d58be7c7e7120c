/// Turns source text into tokens, with Python's INDENT/DEDENT/NEWLINE rules: newlines inside
/// brackets and after a backslash are joined, comments and blank lines are skipped.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var indents = [0]
    private var brackets: [(Character, Int, Int)] = []
    private(set) var tokens: [Token] = []
    private var atLineStart = true

    init(_ source: String) {
        chars = Array(source.unicodeScalars)
    }

    /// The tokens of `source`; a lexical error ends the list with a `.failure` token.
    static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(source)
        do {
            return try lexer.run()
        } catch let error as SyntaxErrorInfo {
            lexer.add(.failure(error), error.line, error.column, error.line, error.column)
            return lexer.tokens
        } catch {
            return lexer.tokens
        }
    }

    private var column: Int { pos - lineStart }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    private mutating func run() throws -> [Token] {
        while pos < chars.count {
            if atLineStart && brackets.isEmpty {
                try handleIndentation()
                if pos >= chars.count { break }
            }
            let c = chars[pos]
            if c == " " || c == "\t" || c == "\u{0C}" { pos += 1; continue }
            if c == "#" {
                while pos < chars.count && chars[pos] != "\n" { pos += 1 }
                continue
            }
            if c == "\r" { pos += 1; continue }
            if c == "\n" {
                if brackets.isEmpty {
                    if let last = tokens.last, !(last.kind == .newline) {
                        add(.newline, line, column, line, column + 1)
                    }
                    atLineStart = true
                }
                pos += 1; line += 1; lineStart = pos
                continue
            }
            if c == "\\" && (peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n")) {
                pos += peek(1) == "\n" ? 2 : 3
                line += 1; lineStart = pos
                continue
            }
            if isIdentifierStart(c) {
                if let quoteOffset = stringPrefixLength(), let q = peek(quoteOffset), q == "\"" || q == "'" {
                    try lexString(prefixLength: quoteOffset)
                    continue
                }
                lexName()
                continue
            }
            if c == "\"" || c == "'" { try lexString(prefixLength: 0); continue }
            if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) { try lexNumber(); continue }
            try lexOperator()
        }
        if !brackets.isEmpty {
            let (open, l, col) = brackets.last!
            throw SyntaxErrorInfo(message: "'\(open)' was never closed", line: l, column: col)
        }
        if let last = tokens.last, last.kind != .newline {
            add(.newline, line, column, line, column + 1)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, line, 0, line, 0)
        }
        add(.end, line, 0, line, 0)
        return tokens
    }

    mutating func add(_ kind: Token.Kind, _ l: Int, _ c: Int, _ el: Int, _ ec: Int) {
        tokens.append(Token(kind: kind, line: l, column: c, endLine: el, endColumn: ec))
    }

    private mutating func handleIndentation() throws {
        var width = 0
        var p = pos
        while p < chars.count, chars[p] == " " || chars[p] == "\t" || chars[p] == "\u{0C}" {
            width += chars[p] == "\t" ? 8 - width % 8 : 1
            p += 1
        }
        if p >= chars.count { pos = p; return }
        if chars[p] == "\n" || chars[p] == "#" || chars[p] == "\r" { pos = p; return }
        atLineStart = false
        pos = p
        if width > indents.last! {
            indents.append(width)
            add(.indent, line, 0, line, width)
        } else if width < indents.last! {
            while width < indents.last! {
                indents.removeLast()
                add(.dedent, line, width, line, width)
            }
            if width != indents.last! {
                var end = pos
                while end < chars.count, chars[end] != "\n" { end += 1 }
                throw SyntaxErrorInfo(message: "unindent does not match any outer indentation level", line: line, column: end - lineStart, isIndentation: true)
            }
        }
    }

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return c.properties.isXIDStart
    }

    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") }
        return c.properties.isXIDContinue
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// Length of a string prefix (r, f, rf, fr, b, u, …) at pos, if what follows is a quote.
    private func stringPrefixLength() -> Int? {
        var n = 0
        while n < 2, let c = peek(n), "rRfFbBuU".unicodeScalars.contains(c) { n += 1 }
        guard n > 0, let q = peek(n), q == "\"" || q == "'" else { return nil }
        return n
    }

    private mutating func lexName() {
        let start = pos
        let col = column
        while pos < chars.count, isIdentifierContinue(chars[pos]) { pos += 1 }
        var s = ""
        s.unicodeScalars.append(contentsOf: chars[start..<pos])
        add(.name(s), line, col, line, column)
    }

    private mutating func lexNumber() throws {
        let start = pos
        let col = column
        var text = ""
        func take() { text.unicodeScalars.append(chars[pos]); pos += 1 }
        if chars[pos] == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            let radix = "xX".unicodeScalars.contains(x) ? 16 : ("oO".unicodeScalars.contains(x) ? 8 : 2)
            while pos < chars.count, chars[pos].properties.isASCIIHexDigit || chars[pos] == "_" {
                if chars[pos] != "_" { text.unicodeScalars.append(chars[pos]) }
                pos += 1
            }
            guard let v = Int(text, radix: radix) else {
                throw SyntaxErrorInfo(message: "invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", line: line, column: col)
            }
            add(.int(v), line, col, line, column)
            return
        }
        var isFloat = false
        while pos < chars.count, isDigit(chars[pos]) || chars[pos] == "_" { if chars[pos] == "_" { pos += 1 } else { take() } }
        if pos < chars.count, chars[pos] == ".", !(peek(1).map(isIdentifierStart) ?? false) || peek(1) == "e" || peek(1) == "E" {
            isFloat = true
            take()
            while pos < chars.count, isDigit(chars[pos]) || chars[pos] == "_" { if chars[pos] == "_" { pos += 1 } else { take() } }
        }
        if pos < chars.count, chars[pos] == "e" || chars[pos] == "E",
           let n = peek(1), isDigit(n) || ((n == "+" || n == "-") && peek(2).map(isDigit) == true) {
            isFloat = true
            take()
            if chars[pos] == "+" || chars[pos] == "-" { take() }
            while pos < chars.count, isDigit(chars[pos]) { take() }
        }
        if pos < chars.count, isIdentifierStart(chars[pos]) {
            throw SyntaxErrorInfo(message: "invalid decimal literal", line: line, column: start - lineStart)
        }
        if isFloat {
            add(.float(Double(text) ?? .nan), line, col, line, column)
        } else if let v = Int(text) {
            add(.int(v), line, col, line, column)
        } else {
            add(.bigInt(text), line, col, line, column)
        }
    }

    private mutating func lexString(prefixLength: Int) throws {
        let startLine = line
        let col = column
        var prefix = ""
        for i in 0..<prefixLength { prefix.unicodeScalars.append(chars[pos + i]) }
        prefix = prefix.lowercased()
        pos += prefixLength
        let quote = chars[pos]
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        let bodyColumn = column
        var body = ""
        while true {
            guard pos < chars.count else {
                if triple {
                    throw SyntaxErrorInfo(message: "unterminated triple-quoted string literal (detected at line \(line))", line: startLine, column: col)
                }
                throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(startLine))", line: startLine, column: col)
            }
            let c = chars[pos]
            if c == "\\" && pos + 1 < chars.count {
                body.unicodeScalars.append(c)
                body.unicodeScalars.append(chars[pos + 1])
                if chars[pos + 1] == "\n" { line += 1; lineStart = pos + 2 }
                pos += 2
                continue
            }
            if c == quote {
                if !triple { pos += 1; break }
                if peek(1) == quote && peek(2) == quote { pos += 3; break }
            }
            if c == "\n" {
                if !triple {
                    throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(startLine))", line: startLine, column: col)
                }
                line += 1
                body.unicodeScalars.append(c)
                pos += 1
                lineStart = pos
                continue
            }
            body.unicodeScalars.append(c)
            pos += 1
        }
        let raw = prefix.contains("r")
        if prefix.contains("f") {
            add(.fstring(body, raw: raw, bodyColumn: bodyColumn), startLine, col, line, column)
        } else {
            let value = raw ? body : try Self.unescape(body, line: startLine, column: col)
            add(.string(value), startLine, col, line, column)
        }
    }

    /// Processes backslash escapes of a non-raw string body.
    static func unescape(_ body: String, line: Int, column: Int) throws -> String {
        guard body.contains("\\") else { return body }
        var out = String.UnicodeScalarView()
        let s = Array(body.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else { out.append(c); i += 1; continue }
            let e = s[i + 1]
            i += 2
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "0": out.append("\0")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "\n": break
            case "x", "u", "U":
                let n = e == "x" ? 2 : (e == "u" ? 4 : 8)
                guard i + n <= s.count else {
                    throw SyntaxErrorInfo(message: "(unicode error) truncated \\\(e) escape", line: line, column: column)
                }
                var hex = ""
                hex.unicodeScalars.append(contentsOf: s[i..<(i + n)])
                guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                    throw SyntaxErrorInfo(message: "(unicode error) truncated \\\(e) escape", line: line, column: column)
                }
                out.append(scalar)
                i += n
            default:
                out.append("\\"); out.append(e)
            }
        }
        return String(out)
    }

    private static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!="]
    private static let twoCharOps: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "->", ":=",
    ]

    private mutating func lexOperator() throws {
        let col = column
        func text(_ n: Int) -> String? {
            guard pos + n <= chars.count else { return nil }
            var s = ""
            s.unicodeScalars.append(contentsOf: chars[pos..<(pos + n)])
            return s
        }
        if let t = text(3), Self.threeCharOps.contains(t) {
            pos += 3; add(.op(t), line, col, line, column); return
        }
        if let t = text(2), Self.twoCharOps.contains(t) {
            pos += 2; add(.op(t), line, col, line, column); return
        }
        let c = chars[pos]
        let single = "+-*/%@<>=()[]{},:.;&|^~"
        guard single.unicodeScalars.contains(c) else {
            if c == "!" {
                throw SyntaxErrorInfo(message: "invalid syntax", line: line, column: col)
            }
            throw SyntaxErrorInfo(message: "invalid character '\(Character(c))' (U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)))", line: line, column: col)
        }
        let ch = Character(c)
        switch ch {
        case "(", "[", "{": brackets.append((ch, line, col))
        case ")", "]", "}":
            let expected: Character = ch == ")" ? "(" : (ch == "]" ? "[" : "{")
            guard let open = brackets.last else {
                throw SyntaxErrorInfo(message: "unmatched '\(ch)'", line: line, column: col)
            }
            if open.0 != expected {
                let suffix = open.1 == line ? "" : " on line \(open.1)"
                throw SyntaxErrorInfo(message: "closing parenthesis '\(ch)' does not match opening parenthesis '\(open.0)'\(suffix)", line: line, column: col)
            }
            brackets.removeLast()
        default: break
        }
        pos += 1
        add(.op(String(ch)), line, col, line, column)
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
