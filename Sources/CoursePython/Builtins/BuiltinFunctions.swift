import Foundation

/// The builtins namespace: functions, types and exception classes every program sees.
enum BuiltinFunctions {
    static func namespace(for runtime: Runtime) -> [String: PyValue] {
        var ns: [String: PyValue] = [:]
        func add(_ name: String, _ doc: String, _ body: @escaping NativeFunctionBody) {
            ns[name] = .object(PyNativeFunction(name: name, doc: doc, body: body))
        }
        for type in [BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str, BuiltinTypes.bool, BuiltinTypes.list,
                     BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.range, BuiltinTypes.type, BuiltinTypes.object] {
            ns[type.name] = .object(type)
        }
        for type in BuiltinTypes.exceptionTypes { ns[type.name] = .object(type) }

        add("print", "print(*values, sep=' ', end='\\n'): writes the values' str forms.") { a, r in
            var sep = " ", end = "\n"
            for (k, v) in a.keywords {
                switch k {
                case "sep": if !v.isNone { guard case .str(let s) = v else { throw PyError.typeError("sep must be None or a string, not \(v.typeName)") }; sep = s }
                case "end": if !v.isNone { guard case .str(let s) = v else { throw PyError.typeError("end must be None or a string, not \(v.typeName)") }; end = s }
                case "flush": break
                case "file":
                    if !v.isNone { throw PyError(BuiltinTypes.permissionError, "print(file=...) is not available in the course sandbox: there are no files; print to the screen instead") }
                default: throw PyError.typeError("'\(k)' is an invalid keyword argument for print()")
                }
            }
            try r.write(try a.positional.map { try r.str($0) }.joined(separator: sep) + end)
            return .none
        }
        add("len", "len(obj): the number of items in a container.") { a, r in
            try a.expectExactly(1, "len")
            return .int(try r.length(a.positional[0]))
        }
        add("repr", "repr(obj): the printable representation, as the REPL shows it.") { a, r in
            try a.expectExactly(1, "repr")
            return .str(try r.repr(a.positional[0]))
        }
        add("abs", "abs(x): the absolute value.") { a, r in
            try a.expectExactly(1, "abs")
            switch a.positional[0] {
            case .int(let i):
                if i == .min { return Runtime.normalized(-BigInt(i)) }
                return .int(abs(i))
            case .float(let d): return .float(abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let o):
                if let big = o as? PyBigInt { return Runtime.normalized(big.value.negative ? -big.value : big.value) }
                if let value = try o.attribute("__abs__", runtime: r) { return try r.call(value, Arguments()) }
                fallthrough
            default: throw PyError.typeError("bad operand type for abs(): '\(a.positional[0].typeName)'")
            }
        }
        add("round", "round(number, ndigits=None): rounds half to even; an int without ndigits.") { a, r in
            let b = try a.bind("round", ["number", .optional("ndigits")])
            return try r.round(b[0]!, b["ndigits"])
        }
        add("sum", "sum(iterable, start=0): adds the items.") { a, r in
            let b = try a.bind("sum", ["iterable", .optional("start")])
            var total = b["start"] ?? .int(0)
            if case .str = total { throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            try r.forEach(b[0]!, at: nil) { item in
                total = try r.binary(.add, total, item)
                return true
            }
            return total
        }
        add("min", "min(iterable, *, key=None, default=...) or min(a, b, ...): the smallest item.") { a, r in try r.extreme(a, "min", .less) }
        add("max", "max(iterable, *, key=None, default=...) or max(a, b, ...): the largest item.") { a, r in try r.extreme(a, "max", .greater) }
        add("any", "any(iterable): True if any item is true.") { a, r in
            try a.expectExactly(1, "any")
            var found = false
            try r.forEach(a.positional[0], at: nil) { item in
                if try r.isTruthy(item) { found = true; return false }
                return true
            }
            return .bool(found)
        }
        add("all", "all(iterable): True if every item is true.") { a, r in
            try a.expectExactly(1, "all")
            var result = true
            try r.forEach(a.positional[0], at: nil) { item in
                if !(try r.isTruthy(item)) { result = false; return false }
                return true
            }
            return .bool(result)
        }
        add("sorted", "sorted(iterable, *, key=None, reverse=False): a new sorted list.") { a, r in
            guard a.positional.count == 1 else {
                throw PyError.typeError(a.positional.isEmpty ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got \(a.positional.count)")
            }
            let b = try Arguments([], keywords: a.keywords).bind("sorted", [.optionalKeyword("key"), .optionalKeyword("reverse")])
            let items = try r.iterate(a.positional[0])
            return .list(PyList(try r.sorted(items, key: b["key"], reverse: try b["reverse"].map { try r.isTruthy($0) } ?? false)))
        }
        add("reversed", "reversed(sequence): an iterator over the items backwards.") { a, r in
            try a.expectExactly(1, "reversed")
            let v = a.positional[0]
            let items: [PyValue]
            switch v {
            case .list, .tuple, .str: items = try r.iterate(v)
            case .object(let o) where o is PyRange: items = try r.iterate(v)
            case .dict(let d): items = d.orderedKeys
            default: throw PyError.typeError("'\(v.typeName)' object is not reversible")
            }
            var i = items.count
            return .object(LazyIterator("reversed") { _ in
                guard i > 0 else { return nil }
                i -= 1
                return items[i]
            })
        }
        add("enumerate", "enumerate(iterable, start=0): pairs (index, item).") { a, r in
            let b = try a.bind("enumerate", ["iterable", .optional("start")])
            let iterator = try r.makeIterator(b[0]!)
            var n = try b["start"].map { v -> Int in
                guard let i = v.intValue else { throw PyError.typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
                return i
            } ?? 0
            return .object(LazyIterator("enumerate") { r in
                guard let item = try iterator.next(runtime: r) else { return nil }
                defer { n += 1 }
                return .tuple([.int(n), item])
            })
        }
        add("zip", "zip(*iterables): tuples of items taken in step; stops at the shortest.") { a, r in
            let iterators = try a.positional.enumerated().map { (n, v) -> any PyIterator in
                do { return try r.makeIterator(v) } catch let e as PyError where e.exception.pythonType === BuiltinTypes.typeError {
                    throw PyError.typeError("zip argument #\(n + 1) must support iteration")
                }
            }
            let strict = try a.keyword("strict").map { try r.isTruthy($0) } ?? false
            return .object(LazyIterator("zip") { r in
                guard !iterators.isEmpty else { return nil }
                var items: [PyValue] = []
                for (n, it) in iterators.enumerated() {
                    guard let item = try it.next(runtime: r) else {
                        if strict && n > 0 { throw PyError.valueError("zip() argument \(n + 1) is shorter than argument 1") }
                        return nil
                    }
                    items.append(item)
                }
                return .tuple(items)
            })
        }
        add("map", "map(function, *iterables): applies function to each item.") { a, r in
            guard a.positional.count >= 2 else { throw PyError.typeError("map() must have at least two arguments.") }
            let function = a.positional[0]
            let iterators = try a.positional.dropFirst().map { try r.makeIterator($0) }
            return .object(LazyIterator("map") { r in
                var items: [PyValue] = []
                for it in iterators {
                    guard let item = try it.next(runtime: r) else { return nil }
                    items.append(item)
                }
                return try r.call(function, Arguments(items))
            })
        }
        add("filter", "filter(function or None, iterable): the items for which function is true.") { a, r in
            try a.expectExactly(2, "filter")
            let function = a.positional[0]
            let iterator = try r.makeIterator(a.positional[1])
            return .object(LazyIterator("filter") { r in
                while let item = try iterator.next(runtime: r) {
                    let keep = function.isNone ? item : try r.call(function, item)
                    if try r.isTruthy(keep) { return item }
                }
                return nil
            })
        }
        add("iter", "iter(iterable): an iterator over it.") { a, r in
            try a.expectExactly(1, "iter")
            return .object(try r.makeIterator(a.positional[0]))
        }
        add("next", "next(iterator[, default]): the next item, or default when exhausted.") { a, r in
            try a.expectAtMost(2, "next")
            guard let v = a.positional.first else { throw PyError.typeError("next expected at least 1 argument, got 0") }
            guard case .object(let o) = v, let iterator = o as? any PyIterator else {
                throw PyError.typeError("'\(v.typeName)' object is not an iterator")
            }
            if let item = try iterator.next(runtime: r) { return item }
            if a.positional.count > 1 { return a.positional[1] }
            throw PyError(PyExceptionObject(type: BuiltinTypes.stopIteration, args: []))
        }
        add("isinstance", "isinstance(obj, class_or_tuple): whether obj is an instance of the class(es).") { a, r in
            try a.expectExactly(2, "isinstance")
            return .bool(try r.isInstance(a.positional[0], a.positional[1]))
        }
        add("issubclass", "issubclass(cls, class_or_tuple).") { a, r in
            try a.expectExactly(2, "issubclass")
            guard case .object(let o) = a.positional[0], let type = o as? PyType else {
                throw PyError.typeError("issubclass() arg 1 must be a class")
            }
            return .bool(try r.classMatches(type, a.positional[1], function: "issubclass"))
        }
        add("callable", "callable(obj): whether obj can be called.") { a, r in
            try a.expectExactly(1, "callable")
            guard case .object(let o) = a.positional[0] else { return .bool(false) }
            return .bool(o is PyFunction || o is PyNativeFunction || o is PyType)
        }
        add("hasattr", "hasattr(obj, name).") { a, r in
            try a.expectExactly(2, "hasattr")
            guard case .str(let name) = a.positional[1] else { throw PyError.typeError("attribute name must be string, not '\(a.positional[1].typeName)'") }
            return .bool(try r.lookupAttribute(a.positional[0], name) != nil)
        }
        add("getattr", "getattr(obj, name[, default]).") { a, r in
            guard a.positional.count == 2 || a.positional.count == 3 else { throw PyError.typeError("getattr expected 2 or 3 arguments, got \(a.positional.count)") }
            guard case .str(let name) = a.positional[1] else { throw PyError.typeError("attribute name must be string, not '\(a.positional[1].typeName)'") }
            if let v = try r.lookupAttribute(a.positional[0], name) { return v }
            if a.positional.count == 3 { return a.positional[2] }
            throw r.attributeError(a.positional[0], name)
        }
        add("setattr", "setattr(obj, name, value).") { a, r in
            try a.expectExactly(3, "setattr")
            guard case .str(let name) = a.positional[1] else { throw PyError.typeError("attribute name must be string, not '\(a.positional[1].typeName)'") }
            try r.setAttribute(a.positional[0], name, a.positional[2])
            return .none
        }
        add("dir", "dir([obj]): the names in the current namespace, or obj's attributes.") { a, r in
            try a.expectAtMost(1, "dir")
            guard let v = a.positional.first else {
                return .list(PyList(r.globals.definedNames.map { .str($0) }))
            }
            return .list(PyList(r.attributeNames(of: v).map { .str($0) }))
        }
        add("help", "help(obj): a short description of obj.") { a, r in
            try a.expectAtMost(1, "help")
            guard let v = a.positional.first else {
                try r.write("Type help(obj) to read about obj, dir(obj) to list its attributes.\n")
                return .none
            }
            try r.write(r.helpText(for: v) + "\n")
            return .none
        }
        add("format", "format(value, spec=''): value formatted by the spec mini-language.") { a, r in
            let b = try a.bind("format", ["value", .optional("format_spec")])
            return .str(try r.format(b[0]!, spec: b["format_spec"]?.stringValue ?? ""))
        }
        add("pow", "pow(base, exp): base ** exp.") { a, r in
            try a.expectExactly(2, "pow")
            return try r.binary(.power, a.positional[0], a.positional[1])
        }
        add("divmod", "divmod(a, b): (a // b, a % b).") { a, r in
            try a.expectExactly(2, "divmod")
            return .tuple([try r.binary(.floorDivide, a.positional[0], a.positional[1]), try r.binary(.modulo, a.positional[0], a.positional[1])])
        }
        add("chr", "chr(i): the one-character string for a code point.") { a, r in
            try a.expectExactly(1, "chr")
            guard let i = a.positional[0].intValue else { throw PyError.typeError("'\(a.positional[0].typeName)' object cannot be interpreted as an integer") }
            guard i >= 0, let scalar = Unicode.Scalar(UInt32(clamping: i)) else { throw PyError.valueError("chr() arg not in range(0x110000)") }
            return .str(String(Character(scalar)))
        }
        add("ord", "ord(c): the code point of a one-character string.") { a, r in
            try a.expectExactly(1, "ord")
            guard case .str(let s) = a.positional[0] else { throw PyError.typeError("ord() expected string of length 1, but \(a.positional[0].typeName) found") }
            guard s.unicodeScalars.count == 1 else { throw PyError.typeError("ord() expected a character, but string of length \(s.unicodeScalars.count) found") }
            return .int(Int(s.unicodeScalars.first!.value))
        }
        add("hex", "hex(i).") { a, r in
            try a.expectExactly(1, "hex")
            guard let i = a.positional[0].intValue else { throw PyError.typeError("'\(a.positional[0].typeName)' object cannot be interpreted as an integer") }
            return .str((i < 0 ? "-0x" : "0x") + String(i.magnitude, radix: 16))
        }
        add("bin", "bin(i).") { a, r in
            try a.expectExactly(1, "bin")
            guard let i = a.positional[0].intValue else { throw PyError.typeError("'\(a.positional[0].typeName)' object cannot be interpreted as an integer") }
            return .str((i < 0 ? "-0b" : "0b") + String(i.magnitude, radix: 2))
        }
        add("hash", "hash(obj).") { a, r in
            try a.expectExactly(1, "hash")
            return .int(try r.hashKey(a.positional[0]).hashValue)
        }
        add("id", "id(obj): an integer unique to the object while it lives.") { a, r in
            try a.expectExactly(1, "id")
            if case .object(let o) = a.positional[0] { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue))) }
            return .int(HashKey(unchecked: a.positional[0]).hashValue)
        }
        let refusals: [(String, String)] = [
            ("input", "input() is not available here: exercises cannot read from the keyboard. Put the value in a variable instead, e.g. text = \"hello\""),
            ("open", "open() is not available in the course sandbox: course code cannot read or write files. Use the data the lesson gives you (lists, dicts, strings)"),
            ("exec", "exec() is not available in the course sandbox: run code by writing it in the exercise"),
            ("eval", "eval() is not available in the course sandbox: write the expression directly"),
            ("compile", "compile() is not available in the course sandbox"),
            ("__import__", "__import__() is not available in the course sandbox: use an import statement for the course's modules"),
            ("globals", "globals() is not available in the course sandbox: use the variables directly"),
            ("locals", "locals() is not available in the course sandbox: use the variables directly"),
            ("vars", "vars() is not available in the course sandbox: use dir(obj) to list attributes"),
            ("exit", "exit() is not available in the course sandbox: the program ends when its last line runs"),
            ("quit", "quit() is not available in the course sandbox: the program ends when its last line runs"),
            ("breakpoint", "breakpoint() is not available in the course sandbox: print values to inspect them"),
        ]
        for (name, message) in refusals {
            add(name, message) { _, _ in throw PyError(BuiltinTypes.permissionError, message) }
        }
        return ns
    }
}

extension Runtime {
    func round(_ number: PyValue, _ ndigits: PyValue?) throws -> PyValue {
        let digits: Int?
        if let ndigits, !ndigits.isNone {
            guard let d = ndigits.intValue else { throw PyError.typeError("'\(ndigits.typeName)' object cannot be interpreted as an integer") }
            digits = d
        } else {
            digits = nil
        }
        switch number {
        case .int(let i):
            guard let digits, digits < 0 else { return .int(i) }
            let scale = Foundation.pow(10.0, Double(-digits))
            return .int(Int((Double(i) / scale).rounded(.toNearestOrEven) * scale))
        case .bool(let b):
            return .int(b ? 1 : 0)
        case .float(let d):
            guard let digits else {
                if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                if let big = BigInt(exactly: d.rounded(.toNearestOrEven)) { return Runtime.normalized(big) }
                return .int(try NumberMethods.truncate(d))
            }
            if !d.isFinite { return .float(d) }
            if digits >= 0 {
                if digits > 300 { return .float(d) }
                return .float(Double(String(format: "%.\(digits)f", d)) ?? d)
            }
            let scale = Foundation.pow(10.0, Double(-digits))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        case .object(let o):
            if o is PyBigInt {
                guard let digits, digits < 0 else { return number }
                let scale = try binary(.power, .int(10), .int(-digits))
                let half = try binary(.floorDivide, scale, .int(2))
                let shifted = try binary(.add, number, half)
                return try binary(.multiply, try binary(.floorDivide, shifted, scale), scale)
            }
            if let method = try o.attribute("__round__", runtime: self) {
                return try call(method, Arguments(ndigits.map { [$0] } ?? []))
            }
            fallthrough
        default:
            throw PyError.typeError("type \(number.typeName) doesn't define __round__ method")
        }
    }

    func extreme(_ a: Arguments, _ name: String, _ op: CompareOperator) throws -> PyValue {
        let b = try Arguments([], keywords: a.keywords).bind(name, [.optionalKeyword("key"), .optionalKeyword("default")])
        let items: [PyValue]
        if a.positional.count == 1 {
            items = try iterate(a.positional[0])
        } else if a.positional.isEmpty {
            throw PyError.typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if b["default"] != nil {
                throw PyError.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = a.positional
        }
        guard var best = items.first else {
            if let d = b["default"] { return d }
            throw PyError.valueError("\(name)() arg is an empty sequence")
        }
        let key = b["key"].flatMap { $0.isNone ? nil : $0 }
        var bestKey = try key.map { try call($0, best) } ?? best
        for item in items.dropFirst() {
            let k = try key.map { try call($0, item) } ?? item
            if try lessThanFamily(op, k, bestKey) {
                best = item
                bestKey = k
            }
        }
        return best
    }

    func isInstance(_ value: PyValue, _ classes: PyValue) throws -> Bool {
        try classMatches(value.pythonType, classes, function: "isinstance")
    }

    func classMatches(_ type: PyType, _ classes: PyValue, function: String) throws -> Bool {
        if case .tuple(let options) = classes {
            for option in options where try classMatches(type, option, function: function) { return true }
            return false
        }
        guard case .object(let o) = classes, let target = o as? PyType else {
            throw PyError.typeError("\(function)() arg 2 must be a type, a tuple of types, or a union")
        }
        return type.isSubtype(of: target)
    }

    /// The text `help(value)` prints.
    public func helpText(for value: PyValue) -> String {
        if case .object(let o) = value, let text = o.helpText { return text }
        let type = value.pythonType
        var text = "Help on \(type.qualifiedName) object"
        if !type.doc.isEmpty { text += ":\n    \(type.doc)" }
        let methods = attributeNames(of: value).filter { !$0.hasPrefix("_") }
        if !methods.isEmpty { text += "\n    Attributes and methods: \(methods.joined(separator: ", "))" }
        return text
    }
}
