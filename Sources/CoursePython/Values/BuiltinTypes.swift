/// The builtin type objects and the builtin exception hierarchy (CPython 3.11's, trimmed to
/// what course code meets).
public enum BuiltinTypes {
    public static let object = PyType(root: "object")
    public static let type = PyType(name: "type", doc: "type(object) -> the object's type", constructor: { a, r in
        guard a.positional.count == 1, a.keywords.isEmpty else {
            throw PyError.typeError("type() takes 1 argument here (creating classes is not part of the course's Python)")
        }
        return .object(a.positional[0].pythonType)
    })
    public static let noneType = PyType(name: "NoneType")
    public static let bool = PyType(name: "bool", base: int, doc: "bool(x) -> True when x is true, else False.", constructor: { a, r in
        try a.expectAtMost(1, "bool")
        return .bool(try a.positional.first.map { try r.isTruthy($0) } ?? false)
    })
    public static let int = PyType(name: "int", doc: "int(x=0) -> integer; int('42'), int(3.9) == 3.", methods: NumberMethods.intMethods, constructor: { a, r in try r.makeInt(a) })
    public static let float = PyType(name: "float", doc: "float(x=0.0) -> floating point number; float('inf') works.", methods: NumberMethods.floatMethods, constructor: { a, r in try r.makeFloat(a) })
    public static let str = PyType(name: "str", doc: "str(object='') -> text. Methods: join, split, strip, lower, upper, replace, format, startswith, endswith, find, count, …", methods: StrMethods.table, constructor: { a, r in
        try a.expectAtMost(1, "str")
        return .str(try a.positional.first.map { try r.str($0) } ?? "")
    })
    public static let tuple = PyType(name: "tuple", doc: "tuple(iterable=()) -> an immutable sequence.", methods: SequenceMethods.tupleMethods, constructor: { a, r in
        try a.expectAtMost(1, "tuple")
        return .tuple(try a.positional.first.map { try r.iterate($0) } ?? [])
    })
    public static let list = PyType(name: "list", doc: "list(iterable=()) -> a new list. Methods: append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear.", methods: SequenceMethods.listMethods, constructor: { a, r in
        try a.expectAtMost(1, "list")
        return .list(PyList(try a.positional.first.map { try r.iterate($0) } ?? []))
    })
    public static let dict = PyType(name: "dict", doc: "dict(**kwargs) or dict(pairs) -> a new dict. Methods: keys, values, items, get, update, copy, setdefault, pop.", methods: DictMethods.table, constructor: { a, r in try r.makeDict(a) })
    public static let set = PyType(name: "set", doc: "set(iterable=()) -> a new set. Methods: add, discard, remove, union, intersection, difference.", methods: SetMethods.table, constructor: { a, r in
        try a.expectAtMost(1, "set")
        return .set(try r.makeSet(a.positional.first.map { try r.iterate($0) } ?? []))
    })
    public static let function = PyType(name: "function")
    public static let builtinFunction = PyType(name: "builtin_function_or_method")
    public static let module = PyType(name: "module")
    public static let range = PyType(name: "range", doc: "range(stop) or range(start, stop[, step]) -> a sequence of integers.", constructor: { a, r in .object(try PyRange.make(a)) })
    public static let slice = PyType(name: "slice")
    public static let iterator = PyType(name: "iterator")
    public static let generator = PyType(name: "generator")
    /// The types of builtin lazy iterators, by name (`map`, `zip`, …), so messages name them.
    static let iteratorTypes: [String: PyType] = Dictionary(uniqueKeysWithValues:
        ["map", "filter", "zip", "enumerate", "reversed", "dict_keyiterator"].map { ($0, PyType(name: $0)) })

    // MARK: exceptions
    public static let baseException = PyType(name: "BaseException", doc: "The base of all exceptions.")
    public static let exception = PyType(name: "Exception", base: baseException, doc: "Common base class for all non-exit exceptions.")
    public static let arithmeticError = PyType(name: "ArithmeticError", base: exception)
    public static let zeroDivisionError = PyType(name: "ZeroDivisionError", base: arithmeticError)
    public static let overflowError = PyType(name: "OverflowError", base: arithmeticError)
    public static let lookupError = PyType(name: "LookupError", base: exception)
    public static let indexError = PyType(name: "IndexError", base: lookupError)
    public static let keyError = PyType(name: "KeyError", base: lookupError)
    public static let nameError = PyType(name: "NameError", base: exception)
    public static let unboundLocalError = PyType(name: "UnboundLocalError", base: nameError)
    public static let typeError = PyType(name: "TypeError", base: exception)
    public static let valueError = PyType(name: "ValueError", base: exception)
    public static let attributeError = PyType(name: "AttributeError", base: exception)
    public static let importError = PyType(name: "ImportError", base: exception)
    public static let moduleNotFoundError = PyType(name: "ModuleNotFoundError", base: importError)
    public static let runtimeError = PyType(name: "RuntimeError", base: exception)
    public static let recursionError = PyType(name: "RecursionError", base: runtimeError)
    public static let notImplementedError = PyType(name: "NotImplementedError", base: runtimeError)
    public static let stopIteration = PyType(name: "StopIteration", base: exception)
    public static let assertionError = PyType(name: "AssertionError", base: exception)
    public static let memoryError = PyType(name: "MemoryError", base: exception)
    public static let syntaxError = PyType(name: "SyntaxError", base: exception)
    public static let indentationError = PyType(name: "IndentationError", base: syntaxError)
    public static let osError = PyType(name: "OSError", base: exception)
    public static let permissionError = PyType(name: "PermissionError", base: osError)
    public static let timeoutError = PyType(name: "TimeoutError", base: osError)
    public static let keyboardInterrupt = PyType(name: "KeyboardInterrupt", base: baseException)
    /// Raised when a sandbox budget (steps, time, output) runs out. `except` never catches it,
    /// so a runaway program always ends.
    public static let sandboxLimitExceeded = PyType(name: "SandboxLimitExceeded", base: baseException, doc: "A sandbox budget ran out; the program was stopped.")

    /// Every builtin exception class, as the builtins namespace exposes them.
    public static let exceptionTypes: [PyType] = [
        baseException, exception, arithmeticError, zeroDivisionError, overflowError, lookupError, indexError,
        keyError, nameError, unboundLocalError, typeError, valueError, attributeError, importError,
        moduleNotFoundError, runtimeError, recursionError, notImplementedError, stopIteration, assertionError,
        memoryError, syntaxError, indentationError, osError, permissionError, timeoutError, keyboardInterrupt,
    ]
}
