/// A lexical token with its position (line 1-based, columns 0-based, end exclusive).
struct Token {
    enum Kind: Equatable {
        case name(String)
        case int(Int)
        /// An integer literal beyond 64 bits, as its digits.
        case bigInt(String)
        case float(Double)
        case string(String)
        /// An f-string: its raw body (escapes not yet processed, braces intact), and whether raw.
        case fstring(String, raw: Bool, bodyColumn: Int)
        case op(String)
        case newline
        case indent
        case dedent
        case end
        /// The lexer stopped here; the parser reports this error when it reaches it, so that
        /// earlier syntax errors are reported first, as CPython does.
        case failure(SyntaxErrorInfo)
    }

    var kind: Kind
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int

    var isNewlineOrEnd: Bool {
        switch kind {
        case .newline, .end: return true
        default: return false
        }
    }

    func isOp(_ symbol: String) -> Bool { kind == .op(symbol) }
    func isKeyword(_ word: String) -> Bool { kind == .name(word) }
}

/// Python's reserved words: never usable as names.
enum Keywords {
    static let all: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    ]
}
