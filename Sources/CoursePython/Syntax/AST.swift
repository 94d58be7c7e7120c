/// Where a node sits in the source: lines 1-based, columns 0-based, end exclusive.
struct SourceRange {
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int

    init(_ start: Token, _ end: Token) {
        line = start.line; column = start.column; endLine = end.endLine; endColumn = end.endColumn
    }
    init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line; self.column = column; self.endLine = endLine; self.endColumn = endColumn
    }
    func to(_ other: SourceRange) -> SourceRange {
        SourceRange(line: line, column: column, endLine: other.endLine, endColumn: other.endColumn)
    }
}

/// An expression node. A class so the resolver can rewrite names to slots in place.
final class Expr {
    var kind: ExprKind
    let range: SourceRange
    /// The operator or subscript part CPython 3.11 marks with `^` (columns on `range.line`).
    var anchor: (start: Int, end: Int)?
    /// For module-level names: the namespace slot, found on first evaluation (-1 until then).
    var globalSlot = -1

    init(_ kind: ExprKind, _ range: SourceRange, anchor: (Int, Int)? = nil) {
        self.kind = kind; self.range = range; self.anchor = anchor
    }
}

enum ComparisonKind {
    case op(CompareOperator), isSame, isNot, isIn, notIn

    var symbol: String {
        switch self {
        case .op(let o): return o.rawValue
        case .isSame: return "is"
        case .isNot: return "is not"
        case .isIn: return "in"
        case .notIn: return "not in"
        }
    }
}

enum CallArgument {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

enum FStringPart {
    case literal(String)
    /// An interpolation: expression, its source text (for `=`), conversion (r/s/a), spec parts.
    case value(Expr, conversion: Character?, spec: [FStringPart]?)
}

struct ComprehensionClause {
    var target: Expr
    var iterable: Expr
    var conditions: [Expr]
}

enum ComprehensionKind { case list, set, dict, generator }

final class Comprehension {
    let kind: ComprehensionKind
    var element: Expr
    var value: Expr?
    var clauses: [ComprehensionClause]
    var scope = Scope()

    init(kind: ComprehensionKind, element: Expr, value: Expr?, clauses: [ComprehensionClause]) {
        self.kind = kind; self.element = element; self.value = value; self.clauses = clauses
    }
}

enum ExprKind {
    case constant(PyValue)
    /// A name before resolution.
    case name(String)
    /// A slot of the current frame.
    case local(Int, String)
    /// A slot of an enclosing function's frame, `depth` frames up.
    case enclosing(depth: Int, slot: Int, String)
    /// A module-level or builtin name.
    case global(String)
    case fstring([FStringPart])
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// A nil key is a `**mapping` spread.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case unary(UnaryOperator, Expr)
    case not(Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, [(ComparisonKind, Expr)])
    case conditional(test: Expr, then: Expr, otherwise: Expr)
    case attribute(Expr, String)
    case item(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [CallArgument])
    case lambda(FunctionCode)
    case comprehension(Comprehension)
}

/// The names a function, lambda or comprehension binds, and their frame slots.
struct Scope {
    var slotNames: [String] = []
    var globals: Set<String> = []
    /// Names declared `nonlocal`: they live in an enclosing function's frame.
    var nonlocals: Set<String> = []

    func slot(of name: String) -> Int? { slotNames.firstIndex(of: name) }

    mutating func declare(_ name: String) {
        if !globals.contains(name), !nonlocals.contains(name), !slotNames.contains(name) { slotNames.append(name) }
    }
}

struct ParameterSpec {
    enum Kind { case normal, varArgs, keywordOnly, varKeywords }
    var name: String
    var kind: Kind
    var defaultValue: Expr?
}

/// A def or lambda's code: parameters, body, and its resolved scope.
final class FunctionCode {
    let name: String
    var parameters: [ParameterSpec]
    var body: [Stmt]
    let isLambda: Bool
    var scope = Scope()
    let line: Int

    init(name: String, parameters: [ParameterSpec], body: [Stmt], isLambda: Bool, line: Int) {
        self.name = name; self.parameters = parameters; self.body = body; self.isLambda = isLambda; self.line = line
    }
}

struct ExceptHandler {
    var type: Expr?
    var name: String?
    var nameTarget: Expr?
    var body: [Stmt]
    var line: Int
}

struct ImportName {
    var name: String
    var asName: String?
    var target: Expr
}

final class Stmt {
    var kind: StmtKind
    let range: SourceRange

    init(_ kind: StmtKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

enum StmtKind {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    case annotated(target: Expr, value: Expr?)
    case ifElse(branches: [(Expr, [Stmt])], otherwise: [Stmt]?)
    case whileLoop(test: Expr, body: [Stmt], otherwise: [Stmt]?)
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], otherwise: [Stmt]?)
    case functionDef(FunctionCode, target: Expr)
    case returnValue(Expr?)
    case pass
    case breakLoop
    case continueLoop
    case raise(Expr?, cause: Expr?)
    case tryExcept(body: [Stmt], handlers: [ExceptHandler], otherwise: [Stmt]?, finally: [Stmt]?)
    case assert(Expr, message: Expr?)
    case delete([Expr])
    case global([String])
    case nonlocal([String])
    case importModules([ImportName])
    case importFrom(module: String, names: [ImportName])
}
