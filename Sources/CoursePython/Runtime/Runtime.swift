import Foundation

/// The interpreter's working state during a run, and the services native code uses:
/// calling back into Python (`call`), formatting (`repr`, `str`), iterating, comparing,
/// output, and the sandbox budgets (`reserveMemory`). One runtime per interpreter; not thread-safe.
public final class Runtime {
    /// The budgets in force for the current run.
    public internal(set) var limits: SandboxLimits
    let registry: ModuleRegistry
    var loadedModules: [String: PyModule] = [:]
    /// The module-level namespace: the learner's variables.
    public let globals: Namespace
    var builtins: [String: PyValue] = [:]

    var outputBuffer = ""
    var outputCharacters = 0
    var outputSink: ((String) -> Void)?

    var steps = 0
    var deadline: UInt64 = .max
    var depth = 0
    /// What can stop the current run from outside (Ctrl-C); natives that wait poll it.
    public internal(set) var interruption: RunInterruption?

    /// When true, calls of native and Python functions are appended to `callRecords`.
    public var recordsCalls = false
    /// Calls recorded during runs (at most `maxCallRecords`, oldest first).
    public internal(set) var callRecords: [CallRecord] = []
    /// An optional hook told about every native call as it happens.
    public var nativeCallHook: ((CallRecord) -> Void)?
    let maxCallRecords = 10_000
    var currentLine = 0
    /// In the scratch prompt, expression statements print their repr (as CPython's REPL does).
    var echoesExpressions = false
    /// Exceptions being handled (innermost last), for a bare `raise`.
    var activeExceptions: [PyExceptionObject] = []
    var reprInProgress: Set<ObjectIdentifier> = []

    init(limits: SandboxLimits, registry: ModuleRegistry) {
        self.limits = limits
        self.registry = registry
        self.globals = Namespace()
        self.builtins = BuiltinFunctions.namespace(for: self)
        globals["__name__"] = .str("__main__")
    }

    // MARK: output

    /// Writes program output (what `print` writes), enforcing the output cap.
    public func write(_ text: String) throws {
        outputCharacters += text.count
        if outputCharacters > limits.maxOutputCharacters {
            let room = max(0, limits.maxOutputCharacters - (outputCharacters - text.count))
            emit(String(text.prefix(room)))
            throw PyError(BuiltinTypes.sandboxLimitExceeded,
                "output limit reached: the program printed more than \(limits.maxOutputCharacters) characters, so the sandbox stopped it")
        }
        emit(text)
    }

    private func emit(_ text: String) {
        if let outputSink { outputSink(text) } else { outputBuffer += text }
    }

    // MARK: budgets

    /// Counts one step of work; ends the program when the step or time budget is spent.
    @inline(__always)
    func step() throws {
        steps &+= 1
        if steps & 0x3FF == 0 || steps > limits.maxSteps { try checkBudget() }
    }

    func checkBudget() throws {
        try stopIfInterrupted()
        if steps > limits.maxSteps {
            throw PyError(BuiltinTypes.sandboxLimitExceeded,
                "step limit reached: the program ran more than \(Formatting.grouped(limits.maxSteps)) steps (is there a loop that never ends?)")
        }
        if DispatchTime.now().uptimeNanoseconds > deadline {
            throw PyError(BuiltinTypes.sandboxLimitExceeded,
                "time limit reached: the program ran longer than \(Formatting.seconds(limits.maxSeconds)) (is there a loop that never ends?)")
        }
    }

    /// Raises `KeyboardInterrupt` when the run has been asked to stop (Ctrl-C). Natives that
    /// wait for something call it, or poll `interruption`, so a stop is noticed while waiting.
    public func stopIfInterrupted() throws {
        if let interruption, interruption.isRaised {
            throw PyError(PyExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
        }
    }

    /// Whether no `except` may handle `error`: a spent sandbox budget, or the stop of an
    /// interrupted run (a `KeyboardInterrupt` the program raises itself stays catchable).
    func isUncatchable(_ error: PyError) -> Bool {
        let type = error.exception.pythonType
        if type === BuiltinTypes.sandboxLimitExceeded { return true }
        return type === BuiltinTypes.keyboardInterrupt && interruption?.isRaised == true
    }

    /// Refuses, with MemoryError, an allocation of `bytes` beyond the memory budget. Natives
    /// call this before building large arrays (`np.zeros(10**10)`).
    public func reserveMemory(bytes: Int) throws {
        if bytes < 0 || bytes > limits.maxMemoryBytes {
            throw PyError.memory("the sandbox's memory budget is \(Formatting.bytes(limits.maxMemoryBytes)); this would need \(bytes < 0 ? "more than that" : Formatting.bytes(bytes))")
        }
    }

    /// Reserves room for `count` values (each counted as 16 bytes).
    public func reserveItems(_ count: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 16)
        try reserveMemory(bytes: overflow ? -1 : bytes)
    }

    // MARK: calls

    func record(_ function: @autoclosure () -> String, _ arguments: @autoclosure () -> Arguments) {
        guard recordsCalls || nativeCallHook != nil else { return }
        let record = CallRecord(function: function(), arguments: arguments(), line: currentLine)
        nativeCallHook?(record)
        if recordsCalls, callRecords.count < maxCallRecords { callRecords.append(record) }
    }

    func callNative(_ function: PyNativeFunction, _ arguments: Arguments) throws -> PyValue {
        record(function.qualifiedName, arguments)
        return try function.body(arguments, self)
    }

    /// Looks up a module by dotted name, loading it (and its parent packages) on first use.
    public func importModule(_ name: String) throws -> PyModule {
        if let module = loadedModules[name] { return module }
        let module: PyModule
        if let loader = registry.loader(for: name) {
            module = try loader(self)
        } else if registry.isPackage(name) {
            module = PyModule(name: name)
        } else {
            let available = registry.topLevelNames
            let list = available.isEmpty ? "none (only the builtins)" : available.joined(separator: ", ")
            throw PyError(BuiltinTypes.moduleNotFoundError, "No module named '\(name)'. The course can import: \(list)")
        }
        loadedModules[name] = module
        if let dot = name.lastIndex(of: ".") {
            let parent = try importModule(String(name[..<dot]))
            let child = String(name[name.index(after: dot)...])
            if parent.namespace[child] == nil { parent.namespace[child] = .object(module) }
        }
        return module
    }
}

/// The module-level variables of a program, readable and writable by the host. Names are
/// given slots on first use so that the evaluator reads them by index.
public final class Namespace {
    private var slotOf: [String: Int] = [:]
    private var names: [String] = []
    var slots: [PyValue?] = []

    /// Reads or writes one variable (nil deletes it).
    public subscript(_ name: String) -> PyValue? {
        get { slotOf[name].flatMap { slots[$0] } }
        set { slots[slot(for: name)] = newValue }
    }

    /// The defined variables, by name.
    public var values: [String: PyValue] {
        var out: [String: PyValue] = [:]
        for (i, name) in names.enumerated() { if let v = slots[i] { out[name] = v } }
        return out
    }

    /// Names of the defined variables, sorted.
    public var definedNames: [String] {
        names.indices.filter { slots[$0] != nil }.map { names[$0] }.sorted()
    }

    /// The slot of `name`, created empty when new.
    func slot(for name: String) -> Int {
        if let i = slotOf[name] { return i }
        slotOf[name] = names.count
        names.append(name)
        slots.append(nil)
        return names.count - 1
    }
}
