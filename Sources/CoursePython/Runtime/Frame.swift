/// The source text a piece of code came from, for tracebacks.
final class SourceFile {
    let name: String
    let lines: [String]
    init(name: String, text: String) {
        self.name = name
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }
    func line(_ n: Int) -> String? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }
}

/// One activation of module code, a function, a lambda or a comprehension.
final class Frame {
    var slots: [PyValue?]
    let parent: Frame?
    let code: FunctionCode?
    let source: SourceFile
    /// The statement being executed (for the traceback line).
    var line = 0
    let functionName: String

    init(slotCount: Int, parent: Frame?, code: FunctionCode?, source: SourceFile, functionName: String) {
        self.slots = [PyValue?](repeating: nil, count: slotCount)
        self.parent = parent
        self.code = code
        self.source = source
        self.functionName = functionName
    }
}

/// A function made by `def` or `lambda`: its code, evaluated defaults, and the frame it closes over.
final class PyFunction: PythonObject {
    let code: FunctionCode
    let defaults: [PyValue?]
    let closure: Frame?
    let source: SourceFile
    var qualifiedName: String { code.name }

    init(code: FunctionCode, defaults: [PyValue?], closure: Frame?, source: SourceFile) {
        self.code = code; self.defaults = defaults; self.closure = closure; self.source = source
    }

    var pythonType: PyType { BuiltinTypes.function }

    func call(_ arguments: Arguments, runtime: Runtime) throws -> PyValue? {
        try runtime.callFunction(self, arguments)
    }

    func repr(runtime: Runtime) throws -> String? {
        "<function \(code.isLambda ? "<lambda>" : code.name)>"
    }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        name == "__name__" ? .str(code.isLambda ? "<lambda>" : code.name) : nil
    }

    var helpText: String? {
        let params = code.parameters.map { p -> String in
            switch p.kind {
            case .varArgs: return "*" + p.name
            case .varKeywords: return "**" + p.name
            default: return p.defaultValue == nil ? p.name : p.name + "=..."
            }
        }
        return "\(code.name)(\(params.joined(separator: ", ")))"
    }
}
