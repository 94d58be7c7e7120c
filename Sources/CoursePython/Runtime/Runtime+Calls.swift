/// Calling values: native functions, types, and Python functions (with argument binding).
extension Runtime {
    /// Calls any callable with arguments: natives use this to call back into Python
    /// (e.g. a `key=` function).
    public func call(_ callable: PyValue, _ arguments: Arguments) throws -> PyValue {
        if case .object(let o) = callable {
            if let function = o as? PyFunction { return try callFunction(function, arguments) }
            if let result = try o.call(arguments, runtime: self) { return result }
        }
        throw PyError.typeError("'\(callable.typeName)' object is not callable")
    }

    /// Calls with positional arguments only.
    public func call(_ callable: PyValue, _ positional: PyValue...) throws -> PyValue {
        try call(callable, Arguments(positional))
    }

    func callFunction(_ function: PyFunction, _ arguments: Arguments) throws -> PyValue {
        let code = function.code
        if recordsCalls || nativeCallHook != nil {
            if recordsCalls, callRecords.count < maxCallRecords {
                callRecords.append(CallRecord(function: code.name, arguments: arguments, line: currentLine))
            }
        }
        let frame = Frame(slotCount: code.scope.slotNames.count, parent: function.closure, code: code,
                          source: function.source, functionName: code.isLambda ? "<lambda>" : code.name)
        try bind(arguments, to: function, in: frame)
        depth += 1
        defer { depth -= 1 }
        if depth >= limits.maxRecursionDepth {
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        do {
            if code.isLambda, case .returnValue(let e?) = code.body[0].kind {
                frame.line = code.body[0].range.line
                return try evaluate(e, frame)
            }
            return try executeFunctionBody(code.body, frame)
        } catch let error as PyError {
            recordTraceback(error, frame)
            throw error
        }
    }

    private func bind(_ arguments: Arguments, to function: PyFunction, in frame: Frame) throws {
        let code = function.code
        let params = code.parameters
        let name = code.isLambda ? "<lambda>" : code.name
        var positionalParams = 0
        var varArgsIndex: Int?
        var varKeywordsIndex: Int?
        for (i, p) in params.enumerated() {
            switch p.kind {
            case .normal: positionalParams += 1
            case .varArgs: varArgsIndex = i
            case .varKeywords: varKeywordsIndex = i
            case .keywordOnly: break
            }
        }
        let given = arguments.positional
        if given.count > positionalParams && varArgsIndex == nil {
            let required = params.prefix(positionalParams).filter { $0.defaultValue == nil }.count
            let takes = required == positionalParams ? "\(positionalParams)" : "from \(required) to \(positionalParams)"
            let noun = positionalParams == 1 && required == positionalParams ? "argument" : "arguments"
            throw PyError.typeError("\(name)() takes \(takes) positional \(noun) but \(given.count) \(given.count == 1 ? "was" : "were") given")
        }
        for i in 0..<min(given.count, positionalParams) { frame.slots[i] = given[i] }
        if let v = varArgsIndex {
            frame.slots[v] = .tuple(given.count > positionalParams ? Array(given[positionalParams...]) : [])
        }
        var extra: PyDict?
        if let k = varKeywordsIndex {
            extra = PyDict()
            frame.slots[k] = .dict(extra!)
        }
        for (key, value) in arguments.keywords {
            if let i = params.firstIndex(where: { $0.name == key && ($0.kind == .normal || $0.kind == .keywordOnly) }) {
                if frame.slots[i] != nil {
                    throw PyError.typeError("\(name)() got multiple values for argument '\(key)'")
                }
                frame.slots[i] = value
            } else if let extra {
                extra.setUnchecked(.str(key), value)
            } else {
                throw PyError.typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        var missing: [String] = []
        var missingKeywordOnly: [String] = []
        for (i, p) in params.enumerated() where frame.slots[i] == nil {
            if let d = function.defaults[i] {
                frame.slots[i] = d
            } else if p.kind == .normal {
                missing.append(p.name)
            } else if p.kind == .keywordOnly {
                missingKeywordOnly.append(p.name)
            }
        }
        if !missing.isEmpty {
            throw PyError.typeError(Arguments.missingMessage(name, missing, kind: "positional"))
        }
        if !missingKeywordOnly.isEmpty {
            throw PyError.typeError(Arguments.missingMessage(name, missingKeywordOnly, kind: "keyword-only"))
        }
    }
}
