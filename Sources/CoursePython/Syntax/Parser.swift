/// Recursive-descent parser for the course's Python: tokens → statements.
/// Names are left unresolved; `Resolver` assigns slots afterwards.
struct Parser {
    private var tokens: [Token]
    private var index = 0
    private let lineOffset: Int
    private let columnOffset: Int

    init(tokens: [Token], lineOffset: Int = 0, columnOffset: Int = 0) {
        self.tokens = tokens
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
    }

    /// Parses a whole module.
    static func parseModule(_ source: String) throws -> [Stmt] {
        var parser = Parser(tokens: Lexer.tokenize(source))
        let body = try parser.parseStatements(untilDedent: false)
        try Resolver.resolveModule(body)
        return body
    }

    /// Parses a single expression (for hosts evaluating in a namespace).
    static func parseExpression(_ source: String) throws -> Expr {
        var parser = Parser(tokens: Lexer.tokenize(source))
        while parser.current.kind == .newline { parser.index += 1 }
        let expr = try parser.parseTestListStarred()
        while parser.current.kind == .newline { parser.index += 1 }
        guard parser.current.kind == .end else { throw parser.invalid() }
        try Resolver.resolveModuleExpression(expr)
        return expr
    }

    // MARK: token helpers

    private var current: Token { tokens[index] }
    private var previous: Token { tokens[max(0, index - 1)] }
    private func peek(_ n: Int) -> Token { tokens[min(index + n, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private mutating func accept(_ op: String) -> Bool {
        if current.isOp(op) { advance(); return true }
        return false
    }

    private mutating func acceptKeyword(_ word: String) -> Bool {
        if current.isKeyword(word) { advance(); return true }
        return false
    }

    private mutating func expect(_ op: String) throws {
        guard accept(op) else {
            if op == ":" { throw error("expected ':'", at: current) }
            throw invalid()
        }
    }

    private func error(_ message: String, at token: Token, width: Int = 1) -> SyntaxErrorInfo {
        if case .failure(let lexical) = current.kind { return lexical }
        return SyntaxErrorInfo(message: message, line: token.line + lineOffset, column: token.column + (token.line == 1 ? columnOffset : 0), width: width)
    }

    private func error(_ message: String, spanning range: SourceRange) -> SyntaxErrorInfo {
        if case .failure(let lexical) = current.kind { return lexical }
        let width = range.line == range.endLine ? max(1, range.endColumn - range.column) : 1
        return SyntaxErrorInfo(message: message, line: range.line, column: range.column, width: width)
    }

    private func invalid() -> SyntaxErrorInfo {
        let t = current
        if case .name(let n) = previous.kind, n == "print", startsAtom(t), previous.line == t.line {
            var last = index
            while last + 1 < tokens.count, tokens[last + 1].line == t.line, !tokens[last + 1].isNewlineOrEnd { last += 1 }
            return error("Missing parentheses in call to 'print'. Did you mean print(...)?", at: previous, width: tokens[last].endColumn - previous.column)
        }
        if startsAtom(t), index > 0, endsAtom(previous), previous.line == t.line, !t.isKeyword("in") {
            return error("invalid syntax. Perhaps you forgot a comma?", at: previous, width: t.endColumn - previous.column)
        }
        let width = t.line == t.endLine && !t.isNewlineOrEnd ? max(1, t.endColumn - t.column) : 1
        return error("invalid syntax", at: t, width: width)
    }

    private func startsAtom(_ t: Token) -> Bool {
        switch t.kind {
        case .name(let n): return !Keywords.all.contains(n) || ["None", "True", "False", "lambda", "not"].contains(n)
        case .int, .bigInt, .float, .string, .fstring: return true
        case .op(let o): return o == "(" || o == "[" || o == "{"
        default: return false
        }
    }

    private func endsAtom(_ t: Token) -> Bool {
        switch t.kind {
        case .name(let n): return !Keywords.all.contains(n) || ["None", "True", "False"].contains(n)
        case .int, .bigInt, .float, .string, .fstring: return true
        case .op(let o): return o == ")" || o == "]" || o == "}"
        default: return false
        }
    }

    private func name(_ t: Token) -> String? {
        if case .name(let n) = t.kind, !Keywords.all.contains(n) { return n }
        return nil
    }

    private mutating func expectName() throws -> String {
        guard let n = name(current) else { throw invalid() }
        advance()
        return n
    }

    private func range(from start: Token) -> SourceRange {
        SourceRange(line: start.line + lineOffset, column: start.column + (start.line == 1 ? columnOffset : 0),
                    endLine: previous.endLine + lineOffset, endColumn: previous.endColumn + (previous.endLine == 1 ? columnOffset : 0))
    }

    private func tokenRange(_ t: Token) -> SourceRange {
        SourceRange(line: t.line + lineOffset, column: t.column + (t.line == 1 ? columnOffset : 0),
                    endLine: t.endLine + lineOffset, endColumn: t.endColumn + (t.endLine == 1 ? columnOffset : 0))
    }

    // MARK: statements

    private mutating func parseStatements(untilDedent: Bool) throws -> [Stmt] {
        var body: [Stmt] = []
        while true {
            switch current.kind {
            case .end:
                return body
            case .dedent where untilDedent:
                advance()
                return body
            case .newline:
                advance()
            case .indent:
                throw SyntaxErrorInfo(message: "unexpected indent", line: current.line, column: current.column, isIndentation: true, showsCaret: false)
            case .failure(let lexical):
                throw lexical
            default:
                body.append(contentsOf: try parseStatement())
            }
        }
    }

    private mutating func parseBlock(after description: String) throws -> [Stmt] {
        try expect(":")
        if current.kind == .newline {
            advance()
            guard current.kind == .indent else {
                if case .failure(let lexical) = current.kind { throw lexical }
                throw SyntaxErrorInfo(message: "expected an indented block after \(description)", line: current.line, column: current.column, isIndentation: true)
            }
            advance()
            return try parseStatements(untilDedent: true)
        }
        return try parseSimpleStatements()
    }

    private mutating func parseStatement() throws -> [Stmt] {
        let start = current
        guard case .name(let word) = start.kind else { return try parseSimpleStatements() }
        switch word {
        case "if": return [try parseIf()]
        case "while":
            advance()
            let test = try parseNamedTest()
            let body = try parseBlock(after: "'while' statement on line \(start.line)")
            let otherwise = try parseElse()
            return [Stmt(.whileLoop(test: test, body: body, otherwise: otherwise), range(from: start))]
        case "for":
            advance()
            let target = try parseTargetList()
            guard acceptKeyword("in") else { throw invalid() }
            let iterable = try parseTestListStarred()
            let body = try parseBlock(after: "'for' statement on line \(start.line)")
            let otherwise = try parseElse()
            return [Stmt(.forLoop(target: target, iterable: iterable, body: body, otherwise: otherwise), range(from: start))]
        case "def": return [try parseDef()]
        case "try": return [try parseTry()]
        case "class":
            throw error("class definitions are not part of the course's Python (use functions and dicts)", at: start)
        case "with":
            throw error("'with' statements are not part of the course's Python (there are no files to open)", at: start)
        default:
            return try parseSimpleStatements()
        }
    }

    private mutating func parseElse() throws -> [Stmt]? {
        guard current.isKeyword("else") else { return nil }
        let t = advance()
        return try parseBlock(after: "'else' statement on line \(t.line)")
    }

    private mutating func parseIf() throws -> Stmt {
        let start = advance()
        var branches: [(Expr, [Stmt])] = []
        let test = try parseNamedTest()
        branches.append((test, try parseBlock(after: "'if' statement on line \(start.line)")))
        var otherwise: [Stmt]?
        while true {
            if current.isKeyword("elif") {
                let t = advance()
                let test = try parseNamedTest()
                branches.append((test, try parseBlock(after: "'elif' statement on line \(t.line)")))
            } else if current.isKeyword("else") {
                otherwise = try parseElse()
                break
            } else {
                break
            }
        }
        return Stmt(.ifElse(branches: branches, otherwise: otherwise), range(from: start))
    }

    private mutating func parseNamedTest() throws -> Expr {
        let e = try parseTest()
        if current.isOp("=") {
            advance()
            let value = try parseTest()
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", spanning: e.range.to(value.range))
        }
        return e
    }

    private mutating func parseDef() throws -> Stmt {
        let start = advance()
        let nameToken = current
        let fname = try expectName()
        try expect("(")
        let params = try parseParameters(closing: ")")
        try expect(")")
        if accept("->") { _ = try parseTest() }
        let body = try parseBlock(after: "function definition on line \(start.line)")
        let code = FunctionCode(name: fname, parameters: params, body: body, isLambda: false, line: start.line)
        let target = Expr(.name(fname), tokenRange(nameToken))
        return Stmt(.functionDef(code, target: target), range(from: start))
    }

    private mutating func parseParameters(closing: String) throws -> [ParameterSpec] {
        var params: [ParameterSpec] = []
        var keywordOnly = false
        while !current.isOp(closing) {
            if accept("**") {
                params.append(ParameterSpec(name: try expectName(), kind: .varKeywords, defaultValue: nil))
                if closing == ")", accept(":") { _ = try parseTest() }
            } else if accept("*") {
                if current.isOp(",") {
                    keywordOnly = true
                } else {
                    params.append(ParameterSpec(name: try expectName(), kind: .varArgs, defaultValue: nil))
                    if closing == ")", accept(":") { _ = try parseTest() }
                    keywordOnly = true
                }
            } else if accept("/") {
                // positional-only marker: the parameters before it behave as ordinary ones here
            } else {
                let pname = try expectName()
                if closing == ")", accept(":") { _ = try parseTest() }
                var defaultValue: Expr?
                if accept("=") { defaultValue = try parseTest() }
                if defaultValue == nil, !keywordOnly, params.contains(where: { $0.defaultValue != nil && $0.kind == .normal }) {
                    throw error("non-default argument follows default argument", at: previous)
                }
                if params.contains(where: { $0.name == pname }) {
                    throw error("duplicate argument '\(pname)' in function definition", at: previous)
                }
                params.append(ParameterSpec(name: pname, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: defaultValue))
            }
            if !accept(",") { break }
        }
        return params
    }

    private mutating func parseTry() throws -> Stmt {
        let start = advance()
        let body = try parseBlock(after: "'try' statement on line \(start.line)")
        var handlers: [ExceptHandler] = []
        while current.isKeyword("except") {
            let t = advance()
            var type: Expr?
            var hname: String?
            var target: Expr?
            if !current.isOp(":") {
                type = try parseTest()
                if current.isOp(",") {
                    throw error("multiple exception types must be parenthesized", at: t)
                }
                if acceptKeyword("as") {
                    let nt = current
                    hname = try expectName()
                    target = Expr(.name(hname!), tokenRange(nt))
                }
            }
            let hbody = try parseBlock(after: "'except' statement on line \(t.line)")
            handlers.append(ExceptHandler(type: type, name: hname, nameTarget: target, body: hbody, line: t.line))
        }
        let otherwise = try parseElse()
        var finally: [Stmt]?
        if current.isKeyword("finally") {
            let t = advance()
            finally = try parseBlock(after: "'finally' statement on line \(t.line)")
        }
        if handlers.isEmpty && finally == nil {
            throw error("expected 'except' or 'finally' block", at: current)
        }
        return Stmt(.tryExcept(body: body, handlers: handlers, otherwise: otherwise, finally: finally), range(from: start))
    }

    private mutating func parseSimpleStatements() throws -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while accept(";") {
            if current.isNewlineOrEnd { break }
            statements.append(try parseSimpleStatement())
        }
        guard current.isNewlineOrEnd else { throw invalid() }
        if current.kind == .newline { advance() }
        return statements
    }

    private mutating func parseSimpleStatement() throws -> Stmt {
        let start = current
        if case .name(let word) = start.kind {
            switch word {
            case "pass": advance(); return Stmt(.pass, range(from: start))
            case "break": advance(); return Stmt(.breakLoop, range(from: start))
            case "continue": advance(); return Stmt(.continueLoop, range(from: start))
            case "return":
                advance()
                let value = current.isNewlineOrEnd || current.isOp(";") ? nil : try parseTestListStarred()
                return Stmt(.returnValue(value), range(from: start))
            case "raise":
                advance()
                var value: Expr?
                var cause: Expr?
                if !current.isNewlineOrEnd && !current.isOp(";") {
                    value = try parseTest()
                    if acceptKeyword("from") { cause = try parseTest() }
                }
                return Stmt(.raise(value, cause: cause), range(from: start))
            case "global", "nonlocal":
                advance()
                var names = [try expectName()]
                while accept(",") { names.append(try expectName()) }
                return Stmt(word == "global" ? .global(names) : .nonlocal(names), range(from: start))
            case "del":
                advance()
                var targets = [try parseOrExpr()]
                while accept(",") { if current.isNewlineOrEnd { break }; targets.append(try parseOrExpr()) }
                return Stmt(.delete(targets), range(from: start))
            case "assert":
                advance()
                let test = try parseTest()
                let message = accept(",") ? try parseTest() : nil
                return Stmt(.assert(test, message: message), range(from: start))
            case "import":
                advance()
                var names: [ImportName] = []
                repeat {
                    let t = current
                    let dotted = try parseDottedName()
                    let asName = acceptKeyword("as") ? try expectName() : nil
                    let bound = asName ?? String(dotted.split(separator: ".")[0])
                    names.append(ImportName(name: dotted, asName: asName, target: Expr(.name(bound), range(from: t))))
                } while accept(",")
                return Stmt(.importModules(names), range(from: start))
            case "from":
                advance()
                if current.isOp(".") { throw error("relative imports are not available: there are no files to import from", at: current) }
                let module = try parseDottedName()
                guard acceptKeyword("import") else { throw invalid() }
                if current.isOp("*") {
                    throw error("'from \(module) import *' is not supported here: import the names you use", at: current)
                }
                let parenthesized = accept("(")
                var names: [ImportName] = []
                repeat {
                    if parenthesized && current.isOp(")") { break }
                    let t = current
                    let n = try expectName()
                    let asName = acceptKeyword("as") ? try expectName() : nil
                    names.append(ImportName(name: n, asName: asName, target: Expr(.name(asName ?? n), range(from: t))))
                } while accept(",")
                if parenthesized { try expect(")") }
                return Stmt(.importFrom(module: module, names: names), range(from: start))
            default: break
            }
        }
        let first = try parseTestListStarred()
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                if current.isNewlineOrEnd { throw invalid() }
                value = try parseTestListStarred()
                targets.append(value)
            }
            targets.removeLast()
            for t in targets { try checkAssignable(t) }
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        }
        if case .op(let o) = current.kind, o.count >= 2, o.hasSuffix("="), !["==", "<=", ">=", "!="].contains(o) {
            let opText = String(o.dropLast())
            guard let op = BinaryOperator(rawValue: opText) else { throw invalid() }
            advance()
            switch first.kind {
            case .name, .attribute, .item: break
            default:
                throw SyntaxErrorInfo(message: "'\(describe(first))' is an illegal expression for augmented assignment", line: first.range.line, column: first.range.column)
            }
            let value = try parseTestListStarred()
            return Stmt(.augmentedAssign(target: first, op: op, value: value), range(from: start))
        }
        if accept(":") {
            _ = try parseTest()
            let value = accept("=") ? try parseTestListStarred() : nil
            return Stmt(.annotated(target: first, value: value), range(from: start))
        }
        return Stmt(.expression(first), range(from: start))
    }

    private func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant(.str): return "literal"
        case .constant: return "literal"
        case .tuple: return "tuple"
        case .list: return "list"
        case .binary, .unary: return "expression"
        case .compare: return "comparison"
        default: return "expression"
        }
    }

    private func checkAssignable(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .item: return
        case .tuple(let items), .list(let items): for i in items { try checkAssignable(i) }
        case .starred(let inner): try checkAssignable(inner)
        case .call:
            throw error("cannot assign to function call here. Maybe you meant '==' instead of '='?", spanning: e.range)
        case .constant(.none), .constant(.bool):
            throw error("cannot assign to \(describeConstant(e))", spanning: e.range)
        case .constant:
            throw error("cannot assign to literal here. Maybe you meant '==' instead of '='?", spanning: e.range)
        default:
            throw error("cannot assign to \(describe(e)) here. Maybe you meant '==' instead of '='?", spanning: e.range)
        }
    }

    private func describeConstant(_ e: Expr) -> String {
        if case .constant(.none) = e.kind { return "None" }
        if case .constant(.bool(let b)) = e.kind { return b ? "True" : "False" }
        return "literal"
    }

    private mutating func parseDottedName() throws -> String {
        var parts = [try expectName()]
        while accept(".") { parts.append(try expectName()) }
        return parts.joined(separator: ".")
    }

    private mutating func parseTargetList() throws -> Expr {
        let start = current
        var items = [try parseStarredOr { try $0.parseOrExpr() }]
        var trailing = false
        while accept(",") {
            trailing = true
            if current.isKeyword("in") || current.isOp("=") { break }
            items.append(try parseStarredOr { try $0.parseOrExpr() })
            trailing = false
        }
        for i in items { try checkAssignable(i) }
        if items.count == 1 && !trailing { return items[0] }
        return Expr(.tuple(items), range(from: start))
    }

    // MARK: expressions

    private mutating func parseStarredOr(_ parse: (inout Parser) throws -> Expr) throws -> Expr {
        let start = current
        if accept("*") {
            let inner = try parseOrExpr()
            return Expr(.starred(inner), range(from: start))
        }
        return try parse(&self)
    }

    /// `a, b, *c` — a bare tuple when there is a comma.
    mutating func parseTestListStarred() throws -> Expr {
        let start = current
        let first = try parseStarredOr { try $0.parseTest() }
        guard current.isOp(",") else { return first }
        var items = [first]
        while accept(",") {
            if current.isNewlineOrEnd || current.isOp("=") || current.isOp(")") || current.isOp(":") || current.isOp(";") { break }
            if case .op(let o) = current.kind, o.hasSuffix("="), o.count >= 2, !["==", "<=", ">=", "!="].contains(o) { break }
            items.append(try parseStarredOr { try $0.parseTest() })
        }
        return Expr(.tuple(items), range(from: start))
    }

    mutating func parseTest() throws -> Expr {
        let start = current
        if current.isKeyword("lambda") { return try parseLambda() }
        let body = try parseOrTest()
        if current.isKeyword("if") {
            // a conditional expression, unless this `if` belongs to a comprehension
            advance()
            let test = try parseOrTest()
            guard acceptKeyword("else") else {
                throw error("expected 'else' after 'if' expression", at: current)
            }
            let otherwise = try parseTest()
            return Expr(.conditional(test: test, then: body, otherwise: otherwise), range(from: start))
        }
        return body
    }

    private mutating func parseTestNoConditional() throws -> Expr {
        if current.isKeyword("lambda") { return try parseLambda() }
        return try parseOrTest()
    }

    private mutating func parseLambda() throws -> Expr {
        let start = advance()
        let params = try parseParameters(closing: ":")
        try expect(":")
        let bodyStart = current
        let body = try parseTest()
        let ret = Stmt(.returnValue(body), range(from: bodyStart))
        let code = FunctionCode(name: "<lambda>", parameters: params, body: [ret], isLambda: true, line: start.line)
        return Expr(.lambda(code), range(from: start))
    }

    private mutating func parseOrTest() throws -> Expr {
        let start = current
        var left = try parseAndTest()
        while acceptKeyword("or") {
            let right = try parseAndTest()
            left = Expr(.or(left, right), range(from: start))
        }
        return left
    }

    private mutating func parseAndTest() throws -> Expr {
        let start = current
        var left = try parseNotTest()
        while acceptKeyword("and") {
            let right = try parseNotTest()
            left = Expr(.and(left, right), range(from: start))
        }
        return left
    }

    private mutating func parseNotTest() throws -> Expr {
        let start = current
        if acceptKeyword("not") {
            let operand = try parseNotTest()
            return Expr(.not(operand), range(from: start))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Expr {
        let start = current
        let first = try parseOrExpr()
        var rest: [(ComparisonKind, Expr)] = []
        while true {
            let kind: ComparisonKind
            switch current.kind {
            case .op("=="): kind = .op(.equal)
            case .op("!="): kind = .op(.notEqual)
            case .op("<"): kind = .op(.less)
            case .op("<="): kind = .op(.lessEqual)
            case .op(">"): kind = .op(.greater)
            case .op(">="): kind = .op(.greaterEqual)
            case .name("in"): kind = .isIn
            case .name("is"):
                if peek(1).isKeyword("not") { advance(); kind = .isNot } else { kind = .isSame }
            case .name("not") where peek(1).isKeyword("in"):
                advance(); kind = .notIn
            default:
                if rest.isEmpty { return first }
                return Expr(.compare(first, rest), range(from: start))
            }
            advance()
            rest.append((kind, try parseOrExpr()))
        }
    }

    private mutating func parseOrExpr() throws -> Expr {
        try parseBinaryLevel(0)
    }

    private static let levels: [[String: BinaryOperator]] = [
        ["|": .bitOr], ["^": .bitXor], ["&": .bitAnd], ["<<": .leftShift, ">>": .rightShift],
        ["+": .add, "-": .subtract],
        ["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo, "@": .matrixMultiply],
    ]

    private mutating func parseBinaryLevel(_ level: Int) throws -> Expr {
        if level == Self.levels.count { return try parseFactor() }
        let start = current
        var left = try parseBinaryLevel(level + 1)
        while case .op(let o) = current.kind, let op = Self.levels[level][o] {
            let opToken = advance()
            let right = try parseBinaryLevel(level + 1)
            left = Expr(.binary(op, left, right), range(from: start), anchor: (opToken.column, opToken.endColumn))
        }
        return left
    }

    private mutating func parseFactor() throws -> Expr {
        let start = current
        let op: UnaryOperator?
        switch current.kind {
        case .op("-"): op = .negate
        case .op("+"): op = .plus
        case .op("~"): op = .invert
        default: op = nil
        }
        if let op {
            advance()
            let operand = try parseFactor()
            if case .constant(.int(let i)) = operand.kind, op == .negate {
                return Expr(.constant(.int(-i)), range(from: start))
            }
            if case .constant(.float(let d)) = operand.kind, op == .negate {
                return Expr(.constant(.float(-d)), range(from: start))
            }
            return Expr(.unary(op, operand), range(from: start))
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        let start = current
        let base = try parsePrimary()
        if current.isOp("**") {
            let opToken = advance()
            let exponent = try parseFactor()
            return Expr(.binary(.power, base, exponent), range(from: start), anchor: (opToken.column, opToken.endColumn))
        }
        return base
    }

    private mutating func parsePrimary() throws -> Expr {
        let start = current
        var e = try parseAtom()
        while true {
            if accept(".") {
                let n = try expectName()
                e = Expr(.attribute(e, n), range(from: start))
            } else if current.isOp("(") {
                let open = advance()
                let args = try parseCallArguments()
                guard accept(")") else {
                    if current.kind == .end { throw error("'(' was never closed", at: open) }
                    throw invalid()
                }
                e = Expr(.call(e, args), range(from: start))
            } else if current.isOp("[") {
                let open = advance()
                let key = try parseSubscriptList()
                try expect("]")
                e = Expr(.item(e, key), range(from: start), anchor: (open.column, previous.endColumn))
            } else {
                return e
            }
        }
    }

    private mutating func parseCallArguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false
        while !current.isOp(")") {
            if accept("**") {
                args.append(.doubleStar(try parseTest()))
                sawKeyword = true
            } else if accept("*") {
                args.append(.star(try parseTest()))
            } else if let n = name(current), peek(1).isOp("=") {
                advance(); advance()
                args.append(.keyword(n, try parseTest()))
                sawKeyword = true
            } else {
                let start = current
                let value = try parseTest()
                if current.isKeyword("for") {
                    let comp = try parseComprehensionTail(kind: .generator, element: value, value: nil)
                    args.append(.positional(Expr(.comprehension(comp), range(from: start))))
                } else {
                    if sawKeyword {
                        throw SyntaxErrorInfo(message: "positional argument follows keyword argument", line: value.range.line, column: value.range.column)
                    }
                    args.append(.positional(value))
                }
            }
            if !accept(",") { break }
        }
        return args
    }

    private mutating func parseSubscriptList() throws -> Expr {
        let start = current
        let first = try parseSubscriptItem()
        guard current.isOp(",") else { return first }
        var items = [first]
        while accept(",") {
            if current.isOp("]") { break }
            items.append(try parseSubscriptItem())
        }
        return Expr(.tuple(items), range(from: start))
    }

    private mutating func parseSubscriptItem() throws -> Expr {
        let start = current
        var lower: Expr?
        if !current.isOp(":") {
            lower = try parseTest()
            if !current.isOp(":") { return lower! }
        }
        try expect(":")
        var upper: Expr?
        var step: Expr?
        if !current.isOp("]") && !current.isOp(",") && !current.isOp(":") { upper = try parseTest() }
        if accept(":") {
            if !current.isOp("]") && !current.isOp(",") { step = try parseTest() }
        }
        return Expr(.slice(lower, upper, step), range(from: start))
    }

    private mutating func parseAtom() throws -> Expr {
        let start = current
        switch current.kind {
        case .int(let i): advance(); return Expr(.constant(.int(i)), range(from: start))
        case .bigInt(let digits):
            advance()
            return Expr(.constant(BigInt(decimal: digits).map(Runtime.normalized) ?? .float(.infinity)), range(from: start))
        case .float(let d): advance(); return Expr(.constant(.float(d)), range(from: start))
        case .string, .fstring: return try parseStrings()
        case .name(let n):
            switch n {
            case "None": advance(); return Expr(.constant(.none), range(from: start))
            case "True": advance(); return Expr(.constant(.bool(true)), range(from: start))
            case "False": advance(); return Expr(.constant(.bool(false)), range(from: start))
            default:
                if Keywords.all.contains(n) { throw invalid() }
                advance()
                return Expr(.name(n), range(from: start))
            }
        case .op("("):
            advance()
            if accept(")") { return Expr(.tuple([]), range(from: start)) }
            let first = try parseStarredOr { try $0.parseTest() }
            if current.isKeyword("for") {
                let comp = try parseComprehensionTail(kind: .generator, element: first, value: nil)
                try expectClosing(")", open: start)
                return Expr(.comprehension(comp), range(from: start))
            }
            if accept(")") {
                if case .starred = first.kind { throw error("cannot use starred expression here", at: start) }
                return first
            }
            guard current.isOp(",") else {
                try expectClosing(")", open: start)
                return first
            }
            var items = [first]
            while accept(",") {
                if current.isOp(")") { break }
                items.append(try parseStarredOr { try $0.parseTest() })
            }
            try expectClosing(")", open: start)
            return Expr(.tuple(items), range(from: start))
        case .op("["):
            advance()
            if accept("]") { return Expr(.list([]), range(from: start)) }
            let first = try parseStarredOr { try $0.parseTest() }
            if current.isKeyword("for") {
                let comp = try parseComprehensionTail(kind: .list, element: first, value: nil)
                try expectClosing("]", open: start)
                return Expr(.comprehension(comp), range(from: start))
            }
            var items = [first]
            while accept(",") {
                if current.isOp("]") { break }
                items.append(try parseStarredOr { try $0.parseTest() })
            }
            try expectClosing("]", open: start)
            return Expr(.list(items), range(from: start))
        case .op("{"):
            advance()
            if accept("}") { return Expr(.dict([]), range(from: start)) }
            if accept("**") {
                var pairs: [(key: Expr?, value: Expr)] = [(nil, try parseOrExpr())]
                try parseDictRest(&pairs, open: start)
                return Expr(.dict(pairs), range(from: start))
            }
            let first = try parseStarredOr { try $0.parseTest() }
            if accept(":") {
                let value = try parseTest()
                if current.isKeyword("for") {
                    let comp = try parseComprehensionTail(kind: .dict, element: first, value: value)
                    try expectClosing("}", open: start)
                    return Expr(.comprehension(comp), range(from: start))
                }
                var pairs: [(key: Expr?, value: Expr)] = [(first, value)]
                try parseDictRest(&pairs, open: start)
                return Expr(.dict(pairs), range(from: start))
            }
            if current.isKeyword("for") {
                let comp = try parseComprehensionTail(kind: .set, element: first, value: nil)
                try expectClosing("}", open: start)
                return Expr(.comprehension(comp), range(from: start))
            }
            var items = [first]
            while accept(",") {
                if current.isOp("}") { break }
                items.append(try parseStarredOr { try $0.parseTest() })
            }
            try expectClosing("}", open: start)
            return Expr(.set(items), range(from: start))
        case .op("..."):
            advance()
            return Expr(.constant(.none), range(from: start))
        default:
            throw invalid()
        }
    }

    private mutating func expectClosing(_ closer: String, open: Token) throws {
        if accept(closer) { return }
        if current.kind == .end { throw error("'\(open.isOp("(") ? "(" : open.isOp("[") ? "[" : "{")' was never closed", at: open) }
        throw invalid()
    }

    private mutating func parseDictRest(_ pairs: inout [(key: Expr?, value: Expr)], open: Token) throws {
        while accept(",") {
            if current.isOp("}") { break }
            if accept("**") {
                pairs.append((nil, try parseOrExpr()))
                continue
            }
            let key = try parseTest()
            guard accept(":") else {
                throw error("':' expected after dictionary key", at: current)
            }
            pairs.append((key, try parseTest()))
        }
        try expectClosing("}", open: open)
    }

    private mutating func parseComprehensionTail(kind: ComprehensionKind, element: Expr, value: Expr?) throws -> Comprehension {
        var clauses: [ComprehensionClause] = []
        while acceptKeyword("for") {
            let target = try parseTargetList()
            guard acceptKeyword("in") else { throw invalid() }
            let iterable = try parseOrTest()
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try parseTestNoConditional()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return Comprehension(kind: kind, element: element, value: value, clauses: clauses)
    }

    // MARK: strings

    private mutating func parseStrings() throws -> Expr {
        let start = current
        var parts: [FStringPart] = []
        var isFString = false
        while true {
            switch current.kind {
            case .string(let s):
                parts.append(.literal(s))
                advance()
            case .fstring(let body, let raw, let bodyColumn):
                isFString = true
                let t = advance()
                parts.append(contentsOf: try FStringParser.parse(body, raw: raw, line: t.line + lineOffset, column: bodyColumn))
            default:
                if !isFString {
                    let text = parts.map { part -> String in
                        if case .literal(let s) = part { return s }
                        return ""
                    }.joined()
                    return Expr(.constant(.str(text)), range(from: start))
                }
                return Expr(.fstring(FStringParser.merge(parts)), range(from: start))
            }
        }
    }
}

