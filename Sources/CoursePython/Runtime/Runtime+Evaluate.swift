/// Expression evaluation: a tree walk over resolved expressions.
extension Runtime {
    /// Marks `e` as the failing expression when an error escapes `body` without a position yet.
    @inline(__always)
    func at<T>(_ e: Expr?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PyError {
            if let e, error.exception.pendingCaret == nil { error.exception.pendingCaret = PendingCaret(range: e.range, anchor: e.anchor) }
            throw error
        }
    }

    /// Marks `e` as where `error` arose (unless it already has a position) and returns it.
    func located(_ error: PyError, _ e: Expr) -> PyError {
        if error.exception.pendingCaret == nil { error.exception.pendingCaret = PendingCaret(range: e.range, anchor: e.anchor) }
        return error
    }

    func nameError(_ name: String, _ frame: Frame) -> PyError {
        let error = PyError(BuiltinTypes.nameError, "name '\(name)' is not defined")
        var candidates = globals.definedNames + Array(builtins.keys)
        var f: Frame? = frame
        while let current = f {
            if let code = current.code {
                candidates += code.scope.slotNames.enumerated().filter { current.slots[$0.offset] != nil }.map(\.element)
            }
            f = current.parent
        }
        error.exception.suggestion = Suggestions.closest(to: name, among: candidates)
        return error
    }

    func evaluate(_ e: Expr, _ frame: Frame) throws -> PyValue {
        switch e.kind {
        case .constant(let v):
            return v
        case .local(let slot, let name):
            if let v = frame.slots[slot] { return v }
            throw located(PyError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value"), e)
        case .global(let name), .name(let name):
            if e.globalSlot < 0 { e.globalSlot = globals.slot(for: name) }
            if let v = globals.slots[e.globalSlot] ?? builtins[name] { return v }
            throw located(nameError(name, frame), e)
        case .enclosing(let depth, let slot, let name):
            var f = frame
            for _ in 0..<depth { f = f.parent ?? f }
            if slot < f.slots.count, let v = f.slots[slot] { return v }
            throw located(PyError(BuiltinTypes.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"), e)
        case .binary(let op, let a, let b):
            let x = try evaluate(a, frame)
            let y = try evaluate(b, frame)
            if case .int(let i) = x, case .int(let j) = y {
                switch op {
                case .add:
                    let (r, o) = i.addingReportingOverflow(j)
                    if !o { return .int(r) }
                case .subtract:
                    let (r, o) = i.subtractingReportingOverflow(j)
                    if !o { return .int(r) }
                default: break
                }
            }
            return try at(e) { try binary(op, x, y) }
        case .call(let callee, let args):
            return try evaluateCall(e, callee, args, frame)
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, frame)
            return try at(e) { try getAttribute(object, name) }
        case .item(let containerExpr, let keyExpr):
            let container = try evaluate(containerExpr, frame)
            let key = try evaluate(keyExpr, frame)
            return try at(e) { try getItem(container, key) }
        case .compare(let first, let rest):
            var left = try evaluate(first, frame)
            var result: PyValue = .bool(true)
            for (kind, rightExpr) in rest {
                let right = try evaluate(rightExpr, frame)
                result = try at(e) { try compare(kind, left, right) }
                if rest.count > 1, !(try isTruthy(result)) { return result }
                left = right
            }
            return result
        case .and(let a, let b):
            let x = try evaluate(a, frame)
            return try isTruthy(x) ? try evaluate(b, frame) : x
        case .or(let a, let b):
            let x = try evaluate(a, frame)
            return try isTruthy(x) ? x : try evaluate(b, frame)
        case .not(let a):
            return .bool(!(try isTruthy(try evaluate(a, frame))))
        case .unary(let op, let a):
            let x = try evaluate(a, frame)
            return try at(e) { try unary(op, x) }
        case .conditional(let test, let then, let otherwise):
            return try isTruthy(try evaluate(test, frame)) ? try evaluate(then, frame) : try evaluate(otherwise, frame)
        case .list(let items):
            return .list(PyList(try evaluateItems(items, frame)))
        case .tuple(let items):
            return .tuple(try evaluateItems(items, frame))
        case .set(let items):
            let values = try evaluateItems(items, frame)
            return try at(e) { .set(try makeSet(values)) }
        case .dict(let pairs):
            let dict = PyDict()
            for (keyExpr, valueExpr) in pairs {
                if let keyExpr {
                    let key = try evaluate(keyExpr, frame)
                    let value = try evaluate(valueExpr, frame)
                    try at(e) { dict.set(try hashKey(key), value) }
                } else {
                    let mapping = try evaluate(valueExpr, frame)
                    guard case .dict(let other) = mapping else {
                        throw PyError.typeError("'\(mapping.typeName)' object is not a mapping")
                    }
                    for (k, v) in other.pairs { dict.setUnchecked(k, v) }
                }
            }
            return .dict(dict)
        case .fstring(let parts):
            return .str(try evaluateFString(parts, frame))
        case .slice(let a, let b, let c):
            return .object(PySlice(start: try a.map { try evaluate($0, frame) } ?? .none,
                                   stop: try b.map { try evaluate($0, frame) } ?? .none,
                                   step: try c.map { try evaluate($0, frame) } ?? .none))
        case .lambda(let code):
            return .object(try makeFunction(code, frame))
        case .comprehension(let comp):
            return try at(e) { try evaluateComprehension(comp, frame, line: e.range.line) }
        case .starred:
            throw PyError(BuiltinTypes.syntaxError, "can't use starred expression here")
        }
    }

    func compare(_ kind: ComparisonKind, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        switch kind {
        case .op(let op):
            if case .int(let i) = left, case .int(let j) = right {
                switch op {
                case .less: return .bool(i < j)
                case .lessEqual: return .bool(i <= j)
                case .greater: return .bool(i > j)
                case .greaterEqual: return .bool(i >= j)
                case .equal: return .bool(i == j)
                case .notEqual: return .bool(i != j)
                }
            }
            return try compare(op, left, right)
        case .isSame: return .bool(left.isIdentical(to: right))
        case .isNot: return .bool(!left.isIdentical(to: right))
        case .isIn: return .bool(try contains(right, left))
        case .notIn: return .bool(!(try contains(right, left)))
        }
    }

    func evaluateItems(_ items: [Expr], _ frame: Frame) throws -> [PyValue] {
        var values: [PyValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                let iterable = try evaluate(inner, frame)
                values.append(contentsOf: try at(inner) { try iterate(iterable) })
            } else {
                values.append(try evaluate(item, frame))
            }
        }
        return values
    }

    func makeFunction(_ code: FunctionCode, _ frame: Frame) throws -> PyFunction {
        var defaults: [PyValue?] = []
        defaults.reserveCapacity(code.parameters.count)
        for p in code.parameters { defaults.append(try p.defaultValue.map { try evaluate($0, frame) }) }
        let isModuleFrame = frame.code == nil && frame.parent == nil
        return PyFunction(code: code, defaults: defaults, closure: isModuleFrame ? nil : frame, source: frame.source)
    }

    func evaluateFString(_ parts: [FStringPart], _ frame: Frame) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .value(let e, let conversion, let spec):
                var value = try evaluate(e, frame)
                switch conversion {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(try repr(value))
                default: break
                }
                let specText = try spec.map { try evaluateFString($0, frame) } ?? ""
                out += try at(e) { try format(value, spec: specText) }
            }
        }
        return out
    }

    // MARK: calls

    private func evaluateArguments(_ args: [CallArgument], _ frame: Frame) throws -> Arguments {
        var arguments = Arguments()
        arguments.positional.reserveCapacity(args.count)
        for arg in args {
            switch arg {
            case .positional(let x):
                arguments.positional.append(try evaluate(x, frame))
            case .star(let x):
                let iterable = try evaluate(x, frame)
                arguments.positional.append(contentsOf: try at(x) { try iterate(iterable) })
            case .keyword(let name, let x):
                arguments.keywords.append((name, try evaluate(x, frame)))
            case .doubleStar(let x):
                let mapping = try evaluate(x, frame)
                guard case .dict(let d) = mapping else {
                    throw PyError.typeError("argument after ** must be a mapping, not \(mapping.typeName)")
                }
                for (k, v) in d.pairs {
                    guard case .str(let name) = k else { throw PyError.typeError("keywords must be strings") }
                    if arguments.keywords.contains(where: { $0.name == name }) {
                        throw PyError.typeError("got multiple values for keyword argument '\(name)'")
                    }
                    arguments.keywords.append((name, v))
                }
            }
        }
        return arguments
    }

    private func evaluateCall(_ e: Expr, _ calleeExpr: Expr, _ args: [CallArgument], _ frame: Frame) throws -> PyValue {
        if case .attribute(let objectExpr, let name) = calleeExpr.kind {
            let object = try evaluate(objectExpr, frame)
            if !Self.isReference(object), let method = object.pythonType.method(named: name) {
                let arguments = try evaluateArguments(args, frame)
                currentLine = e.range.line
                return try at(e) {
                    record("\(object.pythonType.qualifiedName).\(name)", arguments)
                    return try method(object, arguments, self)
                }
            }
            let callee = try at(calleeExpr) { try getAttribute(object, name) }
            let arguments = try evaluateArguments(args, frame)
            currentLine = e.range.line
            return try at(e) { try call(callee, arguments) }
        }
        let callee = try evaluate(calleeExpr, frame)
        let arguments = try evaluateArguments(args, frame)
        currentLine = e.range.line
        return try at(e) { try call(callee, arguments) }
    }

    private static func isReference(_ v: PyValue) -> Bool {
        if case .object = v { return true }
        return false
    }

    // MARK: comprehensions

    private func evaluateComprehension(_ comp: Comprehension, _ frame: Frame, line: Int) throws -> PyValue {
        let firstIterable = try evaluate(comp.clauses[0].iterable, frame)
        let name: String
        switch comp.kind {
        case .list: name = "<listcomp>"
        case .set: name = "<setcomp>"
        case .dict: name = "<dictcomp>"
        case .generator: name = "<genexpr>"
        }
        let inner = Frame(slotCount: comp.scope.slotNames.count, parent: frame, code: nil, source: frame.source, functionName: name)
        inner.line = line
        var results: [PyValue] = []
        do {
            return try runComprehension(comp, firstIterable, inner, &results)
        } catch let error as PyError {
            recordTraceback(error, inner)
            // A generator expression is consumed lazily in CPython, so its error surfaces in
            // the consumer (`sum(...)`) after the items before it: yield those, then raise.
            if comp.kind == .generator, !isUncatchable(error) {
                return .object(ArrayIterator(results, typeLabel: "generator", failure: error))
            }
            throw error
        }
    }

    private func runComprehension(_ comp: Comprehension, _ firstIterable: PyValue, _ inner: Frame, _ results: inout [PyValue]) throws -> PyValue {
        let dict = comp.kind == .dict ? PyDict() : nil
        try runClause(comp, 0, firstIterable, inner) {
            if let dict {
                let key = try self.evaluate(comp.element, inner)
                let value = try self.evaluate(comp.value!, inner)
                dict.set(try self.at(comp.element) { try self.hashKey(key) }, value)
            } else {
                results.append(try self.evaluate(comp.element, inner))
                if results.count & 0x3FFF == 0 { try self.reserveItems(results.count) }
            }
        }
        switch comp.kind {
        case .list: return .list(PyList(results))
        case .set: return .set(try makeSet(results))
        case .dict: return .dict(dict!)
        case .generator: return .object(ArrayIterator(results, typeLabel: "generator"))
        }
    }

    private func runClause(_ comp: Comprehension, _ n: Int, _ iterable: PyValue, _ frame: Frame, _ emit: () throws -> Void) throws {
        let clause = comp.clauses[n]
        try forEach(iterable, at: clause.iterable) { item in
            try step()
            try assign(clause.target, item, frame)
            for condition in clause.conditions where !(try isTruthy(try evaluate(condition, frame))) { return true }
            if n + 1 < comp.clauses.count {
                let next = try evaluate(comp.clauses[n + 1].iterable, frame)
                try runClause(comp, n + 1, next, frame, emit)
            } else {
                try emit()
            }
            return true
        }
    }

    /// Runs `body` for each item; `body` returns false to stop early. Lists are read live and
    /// ranges are counted, so neither is copied.
    func forEach(_ iterable: PyValue, at e: Expr?, _ body: (PyValue) throws -> Bool) throws {
        switch iterable {
        case .list(let l):
            var i = 0
            while i < l.items.count {
                if !(try body(l.items[i])) { return }
                i += 1
            }
        case .tuple(let t):
            for item in t where !(try body(item)) { return }
        case .object(let o):
            if let range = o as? PyRange {
                var i = 0
                let n = range.count
                while i < n {
                    if !(try body(.int(range.start + i * range.step))) { return }
                    i += 1
                }
                return
            }
            let iterator = try at(e) { try makeIterator(iterable) }
            while let item = try iterator.next(runtime: self) {
                if !(try body(item)) { return }
            }
        default:
            let iterator = try at(e) { try makeIterator(iterable) }
            while let item = try iterator.next(runtime: self) {
                if !(try body(item)) { return }
            }
        }
    }
}

/// Where an exception arose in the current frame, until the frame records it in the traceback.
struct PendingCaret {
    var range: SourceRange
    var anchor: (start: Int, end: Int)?
}
