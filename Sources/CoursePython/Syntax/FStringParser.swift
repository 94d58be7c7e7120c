/// Splits an f-string body into literal text and `{expression!conversion:spec}` parts.
enum FStringParser {
    static func parse(_ body: String, raw: Bool, line: Int, column: Int) throws -> [FStringPart] {
        let chars = Array(body.unicodeScalars)
        var i = 0
        return try parseParts(chars, &i, raw: raw, line: line, column: column, inSpec: false)
    }

    private static func parseParts(_ chars: [Unicode.Scalar], _ i: inout Int, raw: Bool, line: Int, column: Int, inSpec: Bool) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal = ""
        func flush() throws {
            if !literal.isEmpty {
                parts.append(.literal(raw ? literal : try Lexer.unescape(literal, line: line, column: column)))
                literal = ""
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if !inSpec, i + 1 < chars.count, chars[i + 1] == "{" { literal += "{"; i += 2; continue }
                try flush()
                i += 1
                parts.append(contentsOf: try parseReplacement(chars, &i, raw: raw, line: line, column: column))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < chars.count, chars[i + 1] == "}" { literal += "}"; i += 2; continue }
                throw SyntaxErrorInfo(message: "f-string: single '}' is not allowed", line: line, column: column + i)
            }
            literal.unicodeScalars.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    private static func parseReplacement(_ chars: [Unicode.Scalar], _ i: inout Int, raw: Bool, line: Int, column: Int) throws -> [FStringPart] {
        let start = i
        var depth = 0
        var quote: Unicode.Scalar?
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && (c == "!" || c == ":") {
                if c == "!" && i + 1 < chars.count && chars[i + 1] == "=" { i += 2; continue }
                break
            }
            i += 1
        }
        guard i < chars.count else {
            throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: line, column: column + start)
        }
        var text = String(String.UnicodeScalarView(chars[start..<i]))
        var prefix: String?
        let trimmed = text.trimmingTrailingSpaces()
        if trimmed.hasSuffix("="), !trimmed.hasSuffix("=="), !trimmed.hasSuffix("!="), !trimmed.hasSuffix("<="), !trimmed.hasSuffix(">=") {
            prefix = text
            text = String(trimmed.dropLast())
        }
        if text.allSatisfy({ $0 == " " }) {
            throw SyntaxErrorInfo(message: "f-string: empty expression not allowed", line: line, column: column + start)
        }
        var conversion: Character?
        if chars[i] == "!" {
            guard i + 1 < chars.count, "rsa".unicodeScalars.contains(chars[i + 1]) else {
                throw SyntaxErrorInfo(message: "f-string: invalid conversion character: expected 's', 'r', or 'a'", line: line, column: column + i)
            }
            conversion = Character(chars[i + 1])
            i += 2
        }
        var spec: [FStringPart]?
        if i < chars.count, chars[i] == ":" {
            i += 1
            spec = try parseParts(chars, &i, raw: raw, line: line, column: column, inSpec: true)
        }
        guard i < chars.count, chars[i] == "}" else {
            throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: line, column: column + start)
        }
        i += 1
        let tokens = Lexer.tokenize("(" + text + ")")
        var parser = Parser(tokens: tokens, lineOffset: line - 1, columnOffset: column + start - 1)
        let expr = try parser.parseTestListStarred()
        var parts: [FStringPart] = []
        if let prefix {
            parts.append(.literal(prefix))
            if conversion == nil && spec == nil { conversion = "r" }
        }
        parts.append(.value(expr, conversion: conversion, spec: spec))
        return parts
    }

    /// Joins adjacent literal parts.
    static func merge(_ parts: [FStringPart]) -> [FStringPart] {
        var out: [FStringPart] = []
        for part in parts {
            if case .literal(let s) = part, case .literal(let previous)? = out.last {
                out[out.count - 1] = .literal(previous + s)
            } else {
                out.append(part)
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
