/// Statement execution.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(PyValue)
}

extension Runtime {
    func execute(_ stmts: [Stmt], _ frame: Frame) throws -> Flow {
        for s in stmts {
            let flow = try execute(s, frame)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func executeFunctionBody(_ stmts: [Stmt], _ frame: Frame) throws -> PyValue {
        if case .returned(let v) = try execute(stmts, frame) { return v }
        return .none
    }

    /// Adds `frame` to the traceback of an exception leaving it.
    func recordTraceback(_ error: PyError, _ frame: Frame) {
        let exception = error.exception
        let pending = exception.pendingCaret
        exception.pendingCaret = nil
        let line = pending?.range.line ?? frame.line
        var caret: CaretRange?
        if let pending, pending.range.line == pending.range.endLine {
            caret = CaretRange(start: pending.range.column, end: pending.range.endColumn,
                               anchorStart: pending.anchor?.start, anchorEnd: pending.anchor?.end)
        } else if let pending {
            caret = CaretRange(start: pending.range.column, end: Int.max, anchorStart: nil, anchorEnd: nil)
        }
        exception.traceback.append(TracebackEntry(filename: frame.source.name, line: line, function: frame.functionName,
                                                   sourceLine: frame.source.line(line), caret: caret))
    }

    func execute(_ s: Stmt, _ frame: Frame) throws -> Flow {
        frame.line = s.range.line
        try step()
        switch s.kind {
        case .expression(let e):
            let value = try evaluate(e, frame)
            if echoesExpressions, frame.code == nil, !value.isNone {
                try write(try repr(value) + "\n")
            }
            if echoesExpressions, frame.code == nil, !value.isNone { globals["_"] = value }
        case .assign(let targets, let value):
            let v = try evaluate(value, frame)
            for t in targets { try assign(t, v, frame) }
        case .augmentedAssign(let target, let op, let valueExpr):
            try augmentedAssign(target, op, valueExpr, frame)
        case .annotated(let target, let value):
            if let value { try assign(target, try evaluate(value, frame), frame) }
        case .ifElse(let branches, let otherwise):
            for (test, body) in branches where try isTruthy(try evaluate(test, frame)) {
                return try execute(body, frame)
            }
            if let otherwise { return try execute(otherwise, frame) }
        case .whileLoop(let test, let body, let otherwise):
            while try isTruthy(try evaluate(test, frame)) {
                try step()
                switch try execute(body, frame) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                case .normal, .continueLoop: break
                }
                frame.line = s.range.line
            }
            if let otherwise { return try execute(otherwise, frame) }
        case .forLoop(let target, let iterableExpr, let body, let otherwise):
            let iterable = try evaluate(iterableExpr, frame)
            var flow = Flow.normal
            var broke = false
            try forEach(iterable, at: nil) { item in
                try step()
                try assign(target, item, frame)
                switch try execute(body, frame) {
                case .breakLoop: broke = true; return false
                case .returned(let v): flow = .returned(v); return false
                case .normal, .continueLoop: return true
                }
            }
            if case .returned = flow { return flow }
            if !broke, let otherwise { return try execute(otherwise, frame) }
        case .functionDef(let code, let target):
            try assign(target, .object(try makeFunction(code, frame)), frame)
        case .returnValue(let e):
            return .returned(try e.map { try evaluate($0, frame) } ?? .none)
        case .pass:
            break
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .raise(let e, _):
            guard let e else {
                if let active = activeExceptions.last { throw PyError(active) }
                throw PyError.runtimeError("No active exception to reraise")
            }
            let value = try evaluate(e, frame)
            throw try at(e) { try makeRaisable(value) }
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            return try executeTry(body, handlers, otherwise, finally, frame)
        case .assert(let test, let message):
            if !(try isTruthy(try evaluate(test, frame))) {
                let args = try message.map { [try evaluate($0, frame)] } ?? []
                throw located(PyError(PyExceptionObject(type: BuiltinTypes.assertionError, args: args)), test)
            }
        case .delete(let targets):
            for t in targets { try delete(t, frame) }
        case .global, .nonlocal:
            break
        case .importModules(let names):
            for n in names {
                let module = try at(n.target) { try importModule(n.name) }
                if n.asName != nil {
                    try assign(n.target, .object(module), frame)
                } else {
                    let top = try importModule(String(n.name.split(separator: ".")[0]))
                    try assign(n.target, .object(top), frame)
                }
            }
        case .importFrom(let moduleName, let names):
            let module = try importModule(moduleName)
            for n in names {
                let value: PyValue
                if let v = module.namespace[n.name] {
                    value = v
                } else if registry.moduleNames.contains("\(moduleName).\(n.name)") {
                    value = .object(try importModule("\(moduleName).\(n.name)"))
                } else {
                    let error = PyError(BuiltinTypes.importError, "cannot import name '\(n.name)' from '\(moduleName)' (unknown location)")
                    error.exception.suggestion = nil
                    if let close = Suggestions.closest(to: n.name, among: module.namespace.keys.map { $0 }) {
                        error.exception.hint = "Did you mean: '\(close)'?"
                    }
                    throw error
                }
                try assign(n.target, value, frame)
            }
        }
        return .normal
    }

    func makeRaisable(_ value: PyValue) throws -> PyError {
        if case .object(let o) = value {
            if let exception = o as? PyExceptionObject { return PyError(exception) }
            if let type = o as? PyType, type.isExceptionType {
                let made = try call(value, Arguments())
                if case .object(let e) = made, let exception = e as? PyExceptionObject { return PyError(exception) }
            }
        }
        return PyError.typeError("exceptions must derive from BaseException")
    }

    private func executeTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ otherwise: [Stmt]?, _ finally: [Stmt]?, _ frame: Frame) throws -> Flow {
        var flow: Flow = .normal
        var pending: PyError?
        do {
            flow = try execute(body, frame)
            if case .normal = flow, let otherwise { flow = try execute(otherwise, frame) }
        } catch let error as PyError {
            pending = error
            if !isUncatchable(error) {
                for handler in handlers where try handlerMatches(handler, error, frame) {
                    pending = nil
                    error.exception.traceback = []
                    error.exception.pendingCaret = nil
                    activeExceptions.append(error.exception)
                    defer { activeExceptions.removeLast() }
                    if let target = handler.nameTarget { try assign(target, .object(error.exception), frame) }
                    do {
                        flow = try execute(handler.body, frame)
                    } catch let inner as PyError {
                        pending = inner
                    }
                    if let target = handler.nameTarget { try? delete(target, frame) }
                    break
                }
            }
        }
        if let finally {
            let finalFlow = try execute(finally, frame)
            if case .normal = finalFlow {} else { return finalFlow }
        }
        if let pending { throw pending }
        return flow
    }

    private func handlerMatches(_ handler: ExceptHandler, _ error: PyError, _ frame: Frame) throws -> Bool {
        guard let typeExpr = handler.type else { return true }
        let value = try evaluate(typeExpr, frame)
        let candidates: [PyValue]
        if case .tuple(let items) = value { candidates = items } else { candidates = [value] }
        for candidate in candidates {
            guard case .object(let o) = candidate, let type = o as? PyType, type.isExceptionType else {
                throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
            }
            if error.exception.pythonType.isSubtype(of: type) { return true }
        }
        return false
    }

    // MARK: assignment

    func assign(_ target: Expr, _ value: PyValue, _ frame: Frame) throws {
        switch target.kind {
        case .local(let slot, _):
            frame.slots[slot] = value
        case .global(let name), .name(let name):
            if target.globalSlot < 0 { target.globalSlot = globals.slot(for: name) }
            globals.slots[target.globalSlot] = value
        case .enclosing(let depth, let slot, let name):
            var f = frame
            for _ in 0..<depth { f = f.parent ?? f }
            guard slot < f.slots.count else { throw PyError(BuiltinTypes.nameError, "no binding for '\(name)' in an enclosing function") }
            f.slots[slot] = value
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, frame)
            try at(target) { try setAttribute(object, name, value) }
        case .item(let containerExpr, let keyExpr):
            let container = try evaluate(containerExpr, frame)
            let key = try evaluate(keyExpr, frame)
            try at(target) { try setItem(container, key, value) }
        case .tuple(let targets), .list(let targets):
            try unpack(targets, value, frame, target)
        case .starred(let inner):
            try assign(inner, value, frame)
        default:
            throw PyError(BuiltinTypes.syntaxError, "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ value: PyValue, _ frame: Frame, _ whole: Expr) throws {
        let items: [PyValue]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            items = try at(whole) {
                do {
                    return try iterate(value)
                } catch let error as PyError where error.exception.pythonType === BuiltinTypes.typeError && error.exception.args.first?.stringValue?.hasSuffix("is not iterable") == true {
                    throw PyError.typeError("cannot unpack non-iterable \(value.typeName) object")
                }
            }
        }
        if let starIndex = targets.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
            let after = targets.count - starIndex - 1
            guard items.count >= targets.count - 1 else {
                throw located(PyError.valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))"), whole)
            }
            for i in 0..<starIndex { try assign(targets[i], items[i], frame) }
            try assign(targets[starIndex], .list(PyList(Array(items[starIndex..<(items.count - after)]))), frame)
            for i in 0..<after { try assign(targets[starIndex + 1 + i], items[items.count - after + i], frame) }
            return
        }
        if items.count > targets.count {
            throw located(PyError.valueError("too many values to unpack (expected \(targets.count))"), whole)
        }
        if items.count < targets.count {
            throw located(PyError.valueError("not enough values to unpack (expected \(targets.count), got \(items.count))"), whole)
        }
        for (t, v) in zip(targets, items) { try assign(t, v, frame) }
    }

    private func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ frame: Frame) throws {
        switch target.kind {
        case .item(let containerExpr, let keyExpr):
            let container = try evaluate(containerExpr, frame)
            let key = try evaluate(keyExpr, frame)
            let current = try at(target) { try getItem(container, key) }
            let rhs = try evaluate(valueExpr, frame)
            let result = try inPlace(op, current, rhs, target)
            try at(target) { try setItem(container, key, result) }
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, frame)
            let current = try at(target) { try getAttribute(object, name) }
            let rhs = try evaluate(valueExpr, frame)
            let result = try inPlace(op, current, rhs, target)
            try at(target) { try setAttribute(object, name, result) }
        default:
            let current = try evaluate(target, frame)
            let rhs = try evaluate(valueExpr, frame)
            try assign(target, try inPlace(op, current, rhs, target), frame)
        }
    }

    private func inPlace(_ op: BinaryOperator, _ current: PyValue, _ rhs: PyValue, _ e: Expr) throws -> PyValue {
        if op == .add, case .list(let l) = current {
            let extra = try at(e) {
                do {
                    return try iterate(rhs)
                } catch let error as PyError where error.exception.pythonType === BuiltinTypes.typeError {
                    throw PyError.typeError("'\(rhs.typeName)' object is not iterable")
                }
            }
            try reserveItems(l.items.count + extra.count)
            l.items.append(contentsOf: extra)
            return current
        }
        return try at(e) {
            do {
                return try binary(op, current, rhs)
            } catch let error as PyError where error.exception.args.first?.stringValue?.hasPrefix("unsupported operand type(s) for ") == true {
                throw PyError.typeError("unsupported operand type(s) for \(op.symbol)=: '\(current.typeName)' and '\(rhs.typeName)'")
            }
        }
    }

    private func delete(_ target: Expr, _ frame: Frame) throws {
        switch target.kind {
        case .local(let slot, let name):
            if frame.slots[slot] == nil {
                throw PyError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
            }
            frame.slots[slot] = nil
        case .global(let name), .name(let name):
            if globals[name] == nil { throw nameError(name, frame) }
            globals[name] = nil
        case .item(let containerExpr, let keyExpr):
            let container = try evaluate(containerExpr, frame)
            let key = try evaluate(keyExpr, frame)
            try at(target) { try deleteItem(container, key) }
        case .tuple(let items), .list(let items):
            for i in items { try delete(i, frame) }
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, frame)
            throw PyError.attributeError("'\(object.typeName)' object attribute '\(name)' cannot be deleted")
        default:
            throw PyError(BuiltinTypes.syntaxError, "cannot delete expression")
        }
    }
}
