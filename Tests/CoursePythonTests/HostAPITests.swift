import Testing
@testable import CoursePython

/// A small native module exercising the host API the way CourseModules uses it.
final class Vector: PythonObject {
    static let type = PyType(name: "Vector", module: "linalg", doc: "A vector of floats.", methods: [
        "norm": { this, arguments, runtime in
            try arguments.expectExactly(0, "norm")
            let v = this.native(as: Vector.self)!
            return .float(v.values.map { $0 * $0 }.reduce(0, +).squareRoot())
        },
        "apply": { this, arguments, runtime in
            let bound = try arguments.bind("apply", ["function"])
            let v = this.native(as: Vector.self)!
            return .object(Vector(try v.values.map { try runtime.call(bound["function"]!, .float($0)).doubleValue ?? 0 }))
        },
    ]) { arguments, runtime in
        let bound = try arguments.bind("Vector", ["values"])
        return .object(Vector(try runtime.iterate(bound["values"]!).map { $0.doubleValue ?? 0 }))
    }

    var values: [Double]
    init(_ values: [Double]) { self.values = values }
    var pythonType: PyType { Self.type }

    func attribute(_ name: String, runtime: Runtime) throws -> PyValue? {
        name == "size" ? .int(values.count) : nil
    }
    func attributeNames() -> [String] { ["size"] }
    func repr(runtime: Runtime) throws -> String? {
        "Vector([\(values.map { Formatting.reprFloat($0) }.joined(separator: ", "))])"
    }
    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: Runtime) throws -> PyValue? {
        switch (op, other) {
        case (.multiply, .int), (.multiply, .float):
            return .object(Vector(values.map { $0 * (other.doubleValue ?? 0) }))
        case (.matrixMultiply, .object(let o)):
            guard let w = o as? Vector else { return nil }
            return .float(zip(values, w.values).map(*).reduce(0, +))
        default:
            return nil
        }
    }
    func getItem(_ key: PyValue, runtime: Runtime) throws -> PyValue? {
        if case .object(let o) = key, let slice = o as? PySlice {
            return .object(Vector(try slice.offsets(length: values.count).map { values[$0] }))
        }
        guard let i = key.intValue else { throw PyError.typeError("indices must be integers or slices") }
        guard values.indices.contains(i < 0 ? i + values.count : i) else { throw PyError.indexError("index \(i) is out of bounds") }
        return .float(values[i < 0 ? i + values.count : i])
    }
    func length(runtime: Runtime) throws -> Int? { values.count }
    func makeIterator(runtime: Runtime) throws -> (any PyIterator)? { ArrayIterator(values.map { .float($0) }) }
}

func linalgModules() -> ModuleRegistry {
    var modules = ModuleRegistry()
    let rateLimitError = PyType.exceptionClass(name: "RateLimitError", module: "linalg", base: BuiltinTypes.exception)
    modules.register("linalg") { _ in
        let module = PyModule(name: "linalg", doc: "Vectors.")
        module.namespace["Vector"] = .object(Vector.type)
        module.namespace["RateLimitError"] = .object(rateLimitError)
        module.addFunction("limited") { _, _ in
            throw PyError(PyExceptionObject(type: rateLimitError, message: "Rate limit reached", attributes: ["status_code": 429]))
        }
        return module
    }
    modules.register("scipy.spatial.distance") { _ in
        let module = PyModule(name: "scipy.spatial.distance")
        module.addFunction("euclidean") { arguments, runtime in
            let bound = try arguments.bind("euclidean", ["u", "v"])
            let u = try runtime.iterate(bound["u"]!).compactMap(\.doubleValue), v = try runtime.iterate(bound["v"]!).compactMap(\.doubleValue)
            return .float(zip(u, v).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot())
        }
        return module
    }
    return modules
}

@Suite struct HostAPITests {
    @Test("a native class offers attributes, methods, operators, subscripts, len and iteration")
    func nativeObjects() {
        let python = Interpreter(modules: linalgModules())
        let result = python.run("""
            import linalg as la
            v = la.Vector([3, 4])
            print(v, v.size, v.norm(), len(v), v[0], v[-1], v[0:1], list(v), v * 2, v @ v)
            print(v.apply(lambda x: x + 1), sorted(v, reverse=True), 3.0 in v)
            """)
        #expect(result.error == nil, "\(result.error?.traceback ?? "")")
        #expect(result.output == "Vector([3.0, 4.0]) 2 5.0 2 3.0 4.0 Vector([3.0]) [3.0, 4.0] Vector([6.0, 8.0]) 25.0\nVector([4.0, 5.0]) [4.0, 3.0] True\n")
    }

    @Test("what a native type does not offer gets CPython's message with its type name")
    func unsupportedOperations() {
        let python = Interpreter(modules: linalgModules())
        _ = python.run("from linalg import Vector\nv = Vector([1])")
        for (program, message) in [
            ("v + 1", "TypeError: unsupported operand type(s) for +: 'Vector' and 'int'"),
            ("v.nrm()", "AttributeError: 'Vector' object has no attribute 'nrm'. Did you mean: 'norm'?"),
            ("v['a']", "TypeError: indices must be integers or slices"),
            ("v[5]", "IndexError: index 5 is out of bounds"),
            ("v()", "TypeError: 'Vector' object is not callable"),
            ("v.norm(1)", "TypeError: norm() takes no arguments (1 given)"),
            ("Vector()", "TypeError: Vector() missing 1 required positional argument: 'values'"),
            ("Vector([1], scale=2)", "TypeError: Vector() got an unexpected keyword argument 'scale'"),
            ("v.size = 3", "AttributeError: 'Vector' object attribute 'size' is read-only"),
        ] {
            #expect(python.run(program).error?.summary == message, "\(program)")
        }
    }

    @Test("dotted packages import the way CPython's do")
    func dottedImports() {
        let python = Interpreter(modules: linalgModules())
        let result = python.run("""
            from scipy.spatial import distance
            import scipy.spatial.distance
            from scipy.spatial.distance import euclidean as d
            print(distance.euclidean([0, 0], [3, 4]), scipy.spatial.distance.euclidean([1], [2]), d([0], [2]))
            """)
        #expect(result.output == "5.0 1.0 2.0\n", "\(result.error?.traceback ?? "")")
        #expect(python.run("import numpy").error?.summary == "ModuleNotFoundError: No module named 'numpy'. The course can import: linalg, scipy")
        #expect(python.run("from linalg import Vectr").error?.summary == "ImportError: cannot import name 'Vectr' from 'linalg' (unknown location)")
    }

    @Test("native exceptions are caught by their class and carry their attributes")
    func nativeExceptions() {
        let python = Interpreter(modules: linalgModules())
        let result = python.run("""
            import linalg
            try:
                linalg.limited()
            except linalg.RateLimitError as e:
                print(type(e).__name__, e.status_code, e)
            try:
                linalg.limited()
            except Exception as e:
                print("as Exception:", e)
            linalg.limited()
            """)
        #expect(result.output == "RateLimitError 429 Rate limit reached\nas Exception: Rate limit reached\n")
        #expect(result.error?.summary == "linalg.RateLimitError: Rate limit reached")
        #expect(result.error?.exception.attributes["status_code"]?.intValue == 429)
    }

    @Test("the namespace persists between runs and the host can read, write and evaluate in it")
    func namespace() throws {
        let python = Interpreter()
        _ = python.run("scores = {'a': [1, 2.5], 'b': (3,)}\nname = 'Ada'")
        #expect(python["name"]?.stringValue == "Ada")
        #expect(python["scores"]?.isEqual(to: .makeDict([("a", [1, 2.5]), ("b", .tuple([3]))])) == true)
        python["threshold"] = 0.5
        #expect(python.run("print(threshold * 2, name)").output == "1.0 Ada\n")
        #expect(try python.evaluate("len(scores['a']) == 2").boolValue == true)
        #expect(try python.evaluate("scores['a'][1]").doubleValue == 2.5)
        #expect(throws: PythonError.self) { try python.evaluate("scores['z']") }
        #expect(python.repr(try python.evaluate("scores")) == "{'a': [1, 2.5], 'b': (3,)}")
    }

    @Test("call records list native and Python calls with their arguments and lines")
    func callRecording() {
        let python = Interpreter(modules: linalgModules())
        python.recordsCalls = true
        _ = python.run("""
            from scipy.spatial import distance
            def score(u, v):
                return distance.euclidean(u, v=v)
            score([0], [1])
            """)
        let calls = python.callRecords
        #expect(calls.map(\.function) == ["score", "scipy.spatial.distance.euclidean"])
        #expect(calls[1].arguments.keyword("v")?.isEqual(to: [1]) == true)
        #expect(calls[1].line == 3)
    }

    @Test("dir lists attributes and methods; help shows the type's doc; completion finds attributes")
    func introspection() {
        let python = Interpreter(modules: linalgModules())
        let result = python.run("import linalg\nv = linalg.Vector([1])\nprint(dir(v))\nhelp(linalg.Vector)")
        #expect(result.output == "['apply', 'norm', 'size']\nclass linalg.Vector\n    A vector of floats.\n    Methods: apply, norm\n")
        #expect(python.completions(for: "print(v.no") == ["print(v.norm"])
        #expect(python.completions(for: "lin") == ["linalg"])
    }

    @Test("a syntax error reports the line and a caret, like CPython")
    func syntaxErrors() {
        let result = Interpreter().run("x = 1\nif x == 1\n    print(x)\n", filename: "lesson.py")
        #expect(result.error?.traceback == "  File \"lesson.py\", line 2\n    if x == 1\n             ^\nSyntaxError: expected ':'\n")
    }

    @Test("the scratch prompt asks for more lines while a block, bracket or string is open")
    func continuation() {
        #expect(Interpreter.needsMoreInput("for i in range(3):"))
        #expect(Interpreter.needsMoreInput("for i in range(3):\n    print(i)"))
        #expect(!Interpreter.needsMoreInput("for i in range(3):\n    print(i)\n"))
        #expect(Interpreter.needsMoreInput("values = [1,"))
        #expect(Interpreter.needsMoreInput("text = \"\"\"start"))
        #expect(!Interpreter.needsMoreInput("x = 1"))
        #expect(!Interpreter.needsMoreInput("x = )"))
    }

    @Test("a KeyError on a dict of str keys adds a 'Did you mean' hint after CPython's line")
    func keyErrorHint() {
        let result = Interpreter().run("row = {'embedding': [0.1], 'index': 0}\nrow['embeding']")
        #expect(result.error?.summary == "KeyError: 'embeding'")
        #expect(result.error?.traceback.hasSuffix("KeyError: 'embeding'\nDid you mean: 'embedding'? (keys: 'embedding', 'index')\n") == true)
    }
}
