import Foundation

/// Runs course Python for a host (the `run` command, exercise checks, the grader).
///
///     var modules = ModuleRegistry()
///     modules.register("math") { _ in PyModule(name: "math", namespace: ["pi": .float(.pi)]) }
///     let python = Interpreter(modules: modules)
///     let result = python.run("import math\nr = 2\nprint(math.pi * r ** 2)", filename: "<exercise>")
///     result.output            // "12.566370614359172\n"
///     python["r"]?.intValue    // 2
///
/// The namespace persists across `run` and `evaluate` calls, as in a REPL. Every run happens
/// on a thread with a 512 MB stack so deep recursion ends in RecursionError, never a crash.
/// One interpreter must not be used from two threads at once.
public final class Interpreter {
    /// The runtime, for natives and for hosts that inspect values (`repr`, `equals`, …).
    public let runtime: Runtime

    /// Creates an interpreter with the given native modules and sandbox budgets.
    public init(modules: ModuleRegistry = ModuleRegistry(), limits: SandboxLimits = .standard) {
        runtime = Runtime(limits: limits, registry: modules)
    }

    /// The budgets applied to the next run (configurable per exercise).
    public var limits: SandboxLimits {
        get { runtime.limits }
        set { runtime.limits = newValue }
    }

    /// The program's module-level variables.
    public var namespace: Namespace { runtime.globals }

    /// Reads or writes one module-level variable.
    public subscript(_ name: String) -> PyValue? {
        get { runtime.globals[name] }
        set { runtime.globals[name] = newValue }
    }

    /// When true, function calls (native and Python) are recorded in `callRecords`.
    public var recordsCalls: Bool {
        get { runtime.recordsCalls }
        set { runtime.recordsCalls = newValue }
    }

    /// The calls recorded so far.
    public var callRecords: [CallRecord] { runtime.callRecords }

    /// Forgets recorded calls.
    public func clearCallRecords() { runtime.callRecords.removeAll() }

    /// In a scratch prompt, print the repr of expression statements' values as CPython's REPL does.
    public var echoesExpressions: Bool {
        get { runtime.echoesExpressions }
        set { runtime.echoesExpressions = newValue }
    }

    /// Runs a program. Output goes to `output` as it is printed when given, else into the result.
    /// The run stops with `KeyboardInterrupt` when `RunInterruption.current` (as seen on the
    /// calling thread) is raised.
    public func run(_ source: String, filename: String = "<stdin>", output: ((String) -> Void)? = nil) -> RunResult {
        runtime.outputBuffer = ""
        runtime.outputSink = output
        let interruption = RunInterruption.current
        runtime.interruption = interruption
        defer {
            runtime.outputSink = nil
            runtime.interruption = nil
        }
        let error: PythonError? = onLargeStack { [runtime] in
            runtime.startBudgets()
            let file = SourceFile(name: filename, text: source)
            let statements: [Stmt]
            do {
                statements = try Parser.parseModule(source)
            } catch let syntax as SyntaxErrorInfo {
                return Self.syntaxError(syntax, file: file, runtime: runtime)
            } catch {
                return nil
            }
            let frame = Frame(slotCount: 0, parent: nil, code: nil, source: file, functionName: "<module>")
            do {
                _ = try runtime.execute(statements, frame)
                return nil
            } catch let error as PyError {
                runtime.recordTraceback(error, frame)
                return Self.report(error.exception, runtime: runtime)
            } catch {
                return nil
            }
        }
        let output = runtime.outputBuffer
        runtime.outputBuffer = ""
        return RunResult(output: output, error: error, wasInterrupted: interruption?.isRaised ?? false)
    }

    /// Evaluates one expression in the program's namespace (for checks such as
    /// `len(embeddings) == 3`). Output printed by the expression is discarded.
    public func evaluate(_ expression: String) throws(PythonError) -> PyValue {
        runtime.interruption = RunInterruption.current
        defer { runtime.interruption = nil }
        let outcome: Result<PyValue, PythonError> = onLargeStack { [runtime] in
            runtime.startBudgets()
            let file = SourceFile(name: "<check>", text: expression)
            let frame = Frame(slotCount: 0, parent: nil, code: nil, source: file, functionName: "<module>")
            do {
                let expr = try Parser.parseExpression(expression)
                return .success(try runtime.evaluate(expr, frame))
            } catch let syntax as SyntaxErrorInfo {
                return .failure(Self.syntaxError(syntax, file: file, runtime: runtime))
            } catch let error as PyError {
                runtime.recordTraceback(error, frame)
                return .failure(Self.report(error.exception, runtime: runtime))
            } catch {
                return .failure(Self.report(PyExceptionObject(type: BuiltinTypes.runtimeError, message: "\(error)"), runtime: runtime))
            }
        }
        runtime.outputBuffer = ""
        return try outcome.get()
    }

    /// `repr(value)` (falls back to the type name if the object's repr raises).
    public func repr(_ value: PyValue) -> String {
        (try? runtime.repr(value)) ?? "<\(value.typeName) object>"
    }

    /// Whether `source` is a complete statement for a scratch prompt, or needs more lines
    /// (an open block, bracket or triple-quoted string): the `...` continuation rule.
    public static func needsMoreInput(_ source: String) -> Bool {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            _ = try Parser.parseModule(source)
        } catch let error as SyntaxErrorInfo {
            if error.message.contains("was never closed") || error.message.hasPrefix("unterminated triple-quoted") { return true }
            if error.message.hasPrefix("expected an indented block") { return true }
            return false
        } catch {
            return false
        }
        guard let first = lines.first else { return false }
        let opensBlock = String(first).trimmingTrailingSpaces().hasSuffix(":")
        return opensBlock && lines.count > 0 && !(lines.last?.trimmingCharacters(in: .whitespaces).isEmpty ?? true)
    }

    /// Completions for the text before the cursor: names (`emb` → `embeddings`) and
    /// attributes (`client.emb` → `client.embeddings`).
    public func completions(for text: String) -> [String] {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_."))
        var start = text.endIndex
        while start > text.startIndex, let scalar = text[text.index(before: start)].unicodeScalars.first, allowed.contains(scalar) {
            start = text.index(before: start)
        }
        let word = String(text[start...])
        let prefix = String(text[..<start])
        if let dot = word.lastIndex(of: ".") {
            let path = String(word[..<dot])
            let partial = String(word[word.index(after: dot)...])
            guard let base = resolvePath(path) else { return [] }
            return runtime.attributeNames(of: base)
                .filter { $0.hasPrefix(partial) && (partial.hasPrefix("_") || !$0.hasPrefix("_")) }
                .map { prefix + path + "." + $0 }
        }
        let names = Set(runtime.globals.definedNames).union(runtime.builtins.keys).union(Keywords.all)
        return names.filter { $0.hasPrefix(word) && !$0.hasPrefix("_") }.sorted().map { prefix + $0 }
    }

    private func resolvePath(_ path: String) -> PyValue? {
        let parts = path.split(separator: ".").map(String.init)
        guard let first = parts.first, var value = runtime.globals[first] ?? runtime.builtins[first] else { return nil }
        for part in parts.dropFirst() {
            guard let next = try? runtime.lookupAttribute(value, part) else { return nil }
            value = next
        }
        return value
    }

    // MARK: reports

    static func report(_ exception: PyExceptionObject, runtime: Runtime) -> PythonError {
        PythonError(exception: exception,
                    traceback: TracebackFormatter.render(exception, runtime: runtime),
                    summary: TracebackFormatter.exceptionLine(exception, runtime: runtime))
    }

    static func syntaxError(_ info: SyntaxErrorInfo, file: SourceFile, runtime: Runtime) -> PythonError {
        let type = info.isIndentation ? BuiltinTypes.indentationError : BuiltinTypes.syntaxError
        let exception = PyExceptionObject(type: type, message: info.message,
                                          attributes: ["lineno": .int(info.line), "offset": .int(info.column + 1), "msg": .str(info.message)])
        var text = "  File \"\(file.name)\", line \(info.line)\n"
        if let line = file.line(info.line) {
            let chars = Array(line)
            let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
            let shown = String(chars[indent...]).trimmingTrailingSpaces()
            if !shown.isEmpty {
                text += "    \(shown)\n"
            }
            if !shown.isEmpty && info.showsCaret {
                let caretColumn = max(0, min(info.column - indent, shown.count))
                text += "    " + String(repeating: " ", count: caretColumn) + String(repeating: "^", count: max(1, info.width)) + "\n"
            }
        }
        let summary = "\(type.name): \(info.message)"
        text += summary + "\n"
        return PythonError(exception: exception, traceback: text, summary: summary)
    }
}

extension Runtime {
    func startBudgets() {
        steps = 0
        depth = 0
        outputCharacters = 0
        let nanos = limits.maxSeconds * 1_000_000_000
        deadline = nanos >= Double(UInt64.max / 2) ? .max : DispatchTime.now().uptimeNanoseconds + UInt64(max(0, nanos))
    }
}

/// Runs `body` on a thread with a 512 MB stack and waits for it.
func onLargeStack<T>(_ body: @escaping () -> T) -> T {
    let box = LargeStackBox(body)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.run()
        done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    done.wait()
    return box.result!
}

/// Carries a closure and its result across the thread boundary; the semaphore orders access.
private final class LargeStackBox<T>: @unchecked Sendable {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func run() { result = body() }
}
