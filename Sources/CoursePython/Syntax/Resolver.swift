/// Decides, once after parsing, where each name lives: a slot of the current frame, a slot of
/// an enclosing function's frame, or the module/builtin namespace. Evaluation then reads slots
/// by index instead of looking names up in dictionaries.
enum Resolver {
    /// Scopes from outermost to innermost; empty at module level.
    private typealias Chain = [ScopeBox]

    private final class ScopeBox {
        var scope: Scope
        init(_ scope: Scope) { self.scope = scope }
    }

    static func resolveModule(_ body: [Stmt]) throws {
        for s in body { try resolve(s, []) }
    }

    static func resolveModuleExpression(_ e: Expr) throws {
        try resolve(e, [])
    }

    private static func lookup(_ name: String, _ chain: Chain) -> ExprKind {
        guard let innermost = chain.last else { return .global(name) }
        if innermost.scope.globals.contains(name) { return .global(name) }
        if !innermost.scope.nonlocals.contains(name), let slot = innermost.scope.slot(of: name) { return .local(slot, name) }
        var depth = 1
        for box in chain.dropLast().reversed() {
            if box.scope.globals.contains(name) { return .global(name) }
            if let slot = box.scope.slot(of: name) { return .enclosing(depth: depth, slot: slot, name) }
            depth += 1
        }
        return .global(name)
    }

    private static func resolve(_ stmts: [Stmt], _ chain: Chain) throws {
        for s in stmts { try resolve(s, chain) }
    }

    private static func resolve(_ s: Stmt, _ chain: Chain) throws {
        switch s.kind {
        case .expression(let e): try resolve(e, chain)
        case .assign(let targets, let value):
            try resolve(value, chain)
            for t in targets { try resolve(t, chain) }
        case .augmentedAssign(let target, _, let value):
            try resolve(target, chain); try resolve(value, chain)
        case .annotated(let target, let value):
            try resolve(target, chain)
            if let value { try resolve(value, chain) }
        case .ifElse(let branches, let otherwise):
            for (test, body) in branches { try resolve(test, chain); try resolve(body, chain) }
            if let otherwise { try resolve(otherwise, chain) }
        case .whileLoop(let test, let body, let otherwise):
            try resolve(test, chain); try resolve(body, chain)
            if let otherwise { try resolve(otherwise, chain) }
        case .forLoop(let target, let iterable, let body, let otherwise):
            try resolve(target, chain); try resolve(iterable, chain); try resolve(body, chain)
            if let otherwise { try resolve(otherwise, chain) }
        case .functionDef(let code, let target):
            try resolveFunction(code, chain)
            try resolve(target, chain)
        case .returnValue(let e): if let e { try resolve(e, chain) }
        case .raise(let e, let cause):
            if let e { try resolve(e, chain) }
            if let cause { try resolve(cause, chain) }
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            try resolve(body, chain)
            for h in handlers {
                if let t = h.type { try resolve(t, chain) }
                if let n = h.nameTarget { try resolve(n, chain) }
                try resolve(h.body, chain)
            }
            if let otherwise { try resolve(otherwise, chain) }
            if let finally { try resolve(finally, chain) }
        case .assert(let test, let message):
            try resolve(test, chain)
            if let message { try resolve(message, chain) }
        case .delete(let targets): for t in targets { try resolve(t, chain) }
        case .importModules(let names), .importFrom(_, let names):
            for n in names { try resolve(n.target, chain) }
        case .pass, .breakLoop, .continueLoop, .global, .nonlocal: break
        }
    }

    private static func resolveFunction(_ code: FunctionCode, _ chain: Chain) throws {
        for p in code.parameters { if let d = p.defaultValue { try resolve(d, chain) } }
        var scope = Scope()
        collectGlobals(code.body, into: &scope)
        for name in scope.nonlocals.sorted() where !chain.contains(where: { $0.scope.slot(of: name) != nil }) {
            throw SyntaxErrorInfo(message: chain.isEmpty ? "nonlocal declaration not allowed at module level" : "no binding for nonlocal '\(name)' found", line: code.line, column: 0)
        }
        for p in code.parameters { scope.declare(p.name) }
        collectAssigned(code.body, into: &scope)
        code.scope = scope
        let box = ScopeBox(scope)
        try resolve(code.body, chain + [box])
    }

    private static func resolve(_ e: Expr, _ chain: Chain) throws {
        switch e.kind {
        case .name(let n): e.kind = lookup(n, chain)
        case .constant, .local, .enclosing, .global: break
        case .fstring(let parts): try resolve(parts, chain)
        case .list(let items), .tuple(let items), .set(let items): for i in items { try resolve(i, chain) }
        case .dict(let pairs):
            for p in pairs {
                if let k = p.key { try resolve(k, chain) }
                try resolve(p.value, chain)
            }
        case .starred(let inner), .unary(_, let inner), .not(let inner), .attribute(let inner, _): try resolve(inner, chain)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .item(let a, let b):
            try resolve(a, chain); try resolve(b, chain)
        case .compare(let first, let rest):
            try resolve(first, chain)
            for (_, r) in rest { try resolve(r, chain) }
        case .conditional(let test, let then, let otherwise):
            try resolve(test, chain); try resolve(then, chain); try resolve(otherwise, chain)
        case .slice(let a, let b, let c):
            for x in [a, b, c] { if let x { try resolve(x, chain) } }
        case .call(let callee, let args):
            try resolve(callee, chain)
            for a in args {
                switch a {
                case .positional(let x), .star(let x), .keyword(_, let x), .doubleStar(let x): try resolve(x, chain)
                }
            }
        case .lambda(let code): try resolveFunction(code, chain)
        case .comprehension(let comp):
            try resolve(comp.clauses[0].iterable, chain)
            var scope = Scope()
            for clause in comp.clauses { collectTargets(clause.target, into: &scope) }
            comp.scope = scope
            let inner = chain + [ScopeBox(scope)]
            for (n, clause) in comp.clauses.enumerated() {
                if n > 0 { try resolve(clause.iterable, inner) }
                try resolve(clause.target, inner)
                for c in clause.conditions { try resolve(c, inner) }
            }
            try resolve(comp.element, inner)
            if let v = comp.value { try resolve(v, inner) }
        }
    }

    private static func resolve(_ parts: [FStringPart], _ chain: Chain) throws {
        for p in parts {
            if case .value(let e, _, let spec) = p {
                try resolve(e, chain)
                if let spec { try resolve(spec, chain) }
            }
        }
    }

    // MARK: collecting bound names

    private static func collectGlobals(_ stmts: [Stmt], into scope: inout Scope) {
        for s in stmts {
            switch s.kind {
            case .global(let names): scope.globals.formUnion(names)
            case .nonlocal(let names): scope.nonlocals.formUnion(names)
            case .ifElse(let branches, let otherwise):
                for (_, b) in branches { collectGlobals(b, into: &scope) }
                if let otherwise { collectGlobals(otherwise, into: &scope) }
            case .whileLoop(_, let body, let otherwise), .forLoop(_, _, let body, let otherwise):
                collectGlobals(body, into: &scope)
                if let otherwise { collectGlobals(otherwise, into: &scope) }
            case .tryExcept(let body, let handlers, let otherwise, let finally):
                collectGlobals(body, into: &scope)
                for h in handlers { collectGlobals(h.body, into: &scope) }
                if let otherwise { collectGlobals(otherwise, into: &scope) }
                if let finally { collectGlobals(finally, into: &scope) }
            default: break
            }
        }
    }

    private static func collectAssigned(_ stmts: [Stmt], into scope: inout Scope) {
        for s in stmts {
            switch s.kind {
            case .assign(let targets, _): for t in targets { collectTargets(t, into: &scope) }
            case .augmentedAssign(let t, _, _), .annotated(let t, _): collectTargets(t, into: &scope)
            case .forLoop(let target, _, let body, let otherwise):
                collectTargets(target, into: &scope)
                collectAssigned(body, into: &scope)
                if let otherwise { collectAssigned(otherwise, into: &scope) }
            case .whileLoop(_, let body, let otherwise):
                collectAssigned(body, into: &scope)
                if let otherwise { collectAssigned(otherwise, into: &scope) }
            case .ifElse(let branches, let otherwise):
                for (_, b) in branches { collectAssigned(b, into: &scope) }
                if let otherwise { collectAssigned(otherwise, into: &scope) }
            case .functionDef(_, let target): collectTargets(target, into: &scope)
            case .tryExcept(let body, let handlers, let otherwise, let finally):
                collectAssigned(body, into: &scope)
                for h in handlers {
                    if let n = h.name { scope.declare(n) }
                    collectAssigned(h.body, into: &scope)
                }
                if let otherwise { collectAssigned(otherwise, into: &scope) }
                if let finally { collectAssigned(finally, into: &scope) }
            case .delete(let targets): for t in targets { collectTargets(t, into: &scope) }
            case .importModules(let names), .importFrom(_, let names):
                for n in names { collectTargets(n.target, into: &scope) }
            default: break
            }
        }
    }

    private static func collectTargets(_ e: Expr, into scope: inout Scope) {
        switch e.kind {
        case .name(let n): scope.declare(n)
        case .tuple(let items), .list(let items): for i in items { collectTargets(i, into: &scope) }
        case .starred(let inner): collectTargets(inner, into: &scope)
        default: break
        }
    }
}
