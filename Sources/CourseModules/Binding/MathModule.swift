import Foundation
import CoursePython

/// The `math` module: constants and float functions with CPython's results and errors.
enum MathModule {
    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "math", doc: "Mathematical functions on floats: sqrt, log, exp, floor, ceil, isclose, fsum, …")
        module.namespace["pi"] = .float(.pi)
        module.namespace["e"] = .float(M_E)
        module.namespace["tau"] = .float(2 * .pi)
        module.namespace["inf"] = .float(.infinity)
        module.namespace["nan"] = .float(.nan)

        func unary(_ name: String, _ doc: String, _ body: @escaping (Double) throws -> PyValue) {
            module.addFunction(name, doc: doc) { arguments, _ in
                try arguments.expectExactly(1, name)
                return try body(try number(arguments.positional[0]))
            }
        }
        func float(_ name: String, _ doc: String, _ body: @escaping (Double) throws(MathError) -> Double) {
            unary(name, doc) { x in .float(try PythonErrors.math { () throws(MathError) in try body(x) }) }
        }
        func plain(_ name: String, _ doc: String, _ body: @escaping (Double) -> Double) {
            unary(name, doc) { x in
                let result = body(x)
                if result.isNaN && !x.isNaN { throw PythonErrors.from(.domain) }
                return .float(result)
            }
        }
        func integral(_ name: String, _ rule: FloatingPointRoundingRule) {
            module.addFunction(name, doc: "\(name)(x): the integer \(name == "floor" ? "below" : name == "ceil" ? "above" : "toward zero from") x.") { arguments, _ in
                try arguments.expectExactly(1, name)
                if let integer = arguments.positional[0].intValue { return .int(integer) }
                let x = try number(arguments.positional[0])
                let value = try PythonErrors.math { () throws(MathError) in try PythonMath.integral(x, rounding: rule) }
                guard let integer = Int(exactly: value) else { throw PyError.overflow("int too large to convert") }
                return .int(integer)
            }
        }
        float("sqrt", "sqrt(x): the square root of x.", PythonMath.sqrt)
        float("exp", "exp(x): e to the power x.", PythonMath.exp)
        float("log2", "log2(x): the base-2 logarithm.", PythonMath.log2)
        float("log10", "log10(x): the base-10 logarithm.", PythonMath.log10)
        plain("fabs", "fabs(x): the absolute value as a float.") { $0.magnitude }
        plain("sin", "sin(x), x in radians.") { Foundation.sin($0) }
        plain("cos", "cos(x), x in radians.") { Foundation.cos($0) }
        plain("tan", "tan(x), x in radians.") { Foundation.tan($0) }
        plain("asin", "asin(x) in radians.") { Foundation.asin($0) }
        plain("acos", "acos(x) in radians.") { Foundation.acos($0) }
        plain("atan", "atan(x) in radians.") { Foundation.atan($0) }
        plain("degrees", "degrees(x): radians to degrees.") { $0 * 180 / .pi }
        plain("radians", "radians(x): degrees to radians.") { $0 * .pi / 180 }
        unary("isnan", "isnan(x): whether x is not a number.") { .bool($0.isNaN) }
        unary("isinf", "isinf(x): whether x is infinite.") { .bool($0.isInfinite) }
        unary("isfinite", "isfinite(x): neither infinite nor nan.") { .bool($0.isFinite) }
        integral("floor", .down)
        integral("ceil", .up)
        integral("trunc", .towardZero)
        module.addFunction("log", doc: "log(x[, base]): the natural logarithm, or the logarithm in base.") { arguments, _ in
            guard (1...2).contains(arguments.positional.count), arguments.keywords.isEmpty else {
                throw PyError.typeError("log expected 1 or 2 arguments, got \(arguments.positional.count)")
            }
            let x = try number(arguments.positional[0])
            let base = try arguments.positional.count == 2 ? number(arguments.positional[1]) : nil
            return .float(try PythonErrors.math { () throws(MathError) in try PythonMath.log(x, base: base) })
        }
        module.addFunction("pow", doc: "pow(x, y): x to the power y, as floats.") { arguments, _ in
            try arguments.expectExactly(2, "pow")
            let x = try number(arguments.positional[0]), y = try number(arguments.positional[1])
            return .float(try PythonErrors.math { () throws(MathError) in try PythonMath.pow(x, y) })
        }
        module.addFunction("atan2", doc: "atan2(y, x): the angle of the point (x, y), in radians.") { arguments, _ in
            try arguments.expectExactly(2, "atan2")
            return .float(Foundation.atan2(try number(arguments.positional[0]), try number(arguments.positional[1])))
        }
        module.addFunction("hypot", doc: "hypot(*coordinates): the Euclidean length of the coordinates.") { arguments, _ in
            let values = try arguments.positional.map(number)
            return .float(values.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        module.addFunction("dist", doc: "dist(p, q): the Euclidean distance between two points.") { arguments, runtime in
            try arguments.expectExactly(2, "dist")
            let p = try runtime.iterate(arguments.positional[0]).map(number)
            let q = try runtime.iterate(arguments.positional[1]).map(number)
            guard p.count == q.count else { throw PyError.valueError("both points must have the same number of dimensions") }
            return .float(zip(p, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
        }
        module.addFunction("isclose", doc: "isclose(a, b, rel_tol=1e-09, abs_tol=0.0): whether a and b are close.") { arguments, _ in
            let bound = try arguments.bind("isclose", ["a", "b", .optionalKeyword("rel_tol"), .optionalKeyword("abs_tol")])
            let a = try number(bound["a"] ?? .none), b = try number(bound["b"] ?? .none)
            let relative = try bound["rel_tol"].map(number) ?? 1e-9, absolute = try bound["abs_tol"].map(number) ?? 0
            return .bool(try PythonErrors.math { () throws(MathError) in try PythonMath.isClose(a, b, relativeTolerance: relative, absoluteTolerance: absolute) })
        }
        module.addFunction("fsum", doc: "fsum(iterable): the exactly rounded sum of floats.") { arguments, runtime in
            try arguments.expectExactly(1, "fsum")
            let values = try runtime.iterate(arguments.positional[0]).map(number)
            return .float(try PythonErrors.math { () throws(MathError) in try PythonMath.fsum(values) })
        }
        module.addFunction("prod", doc: "prod(iterable): the product of the items.") { arguments, runtime in
            try arguments.expectExactly(1, "prod")
            var product: PyValue = .int(1)
            for item in try runtime.iterate(arguments.positional[0]) { product = try runtime.binary(.multiply, product, item) }
            return product
        }
        module.addFunction("factorial", doc: "factorial(n): n! for a non-negative integer n.") { arguments, _ in
            try arguments.expectExactly(1, "factorial")
            guard let n = arguments.positional[0].intValue else { throw PyError.typeError("'\(arguments.positional[0].typeName)' object cannot be interpreted as an integer") }
            guard n >= 0 else { throw PyError.valueError("factorial() not defined for negative values") }
            var result = 1
            for factor in stride(from: 2, through: n, by: 1) {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { throw PyError.overflow("factorial(\(n)) is too large for the course's integers") }
                result = product
            }
            return .int(result)
        }
        module.addFunction("gcd", doc: "gcd(*integers): the greatest common divisor.") { arguments, _ in
            var result = 0
            for value in arguments.positional {
                guard var b = value.intValue?.magnitude else { throw PyError.typeError("'\(value.typeName)' object cannot be interpreted as an integer") }
                var a = UInt(result)
                while b != 0 { (a, b) = (b, a % b) }
                result = Int(a)
            }
            return .int(result)
        }
        module.addFunction("comb", doc: "comb(n, k): the number of ways to choose k items from n.") { arguments, _ in
            try arguments.expectExactly(2, "comb")
            guard let n = arguments.positional[0].intValue, let k = arguments.positional[1].intValue else {
                throw PyError.typeError("'float' object cannot be interpreted as an integer")
            }
            guard n >= 0, k >= 0 else { throw PyError.valueError("\(n < 0 ? "n" : "k") must be a non-negative integer") }
            guard k <= n else { return .int(0) }
            var result = 1
            for step in 0..<min(k, n - k) {
                let (product, overflow) = result.multipliedReportingOverflow(by: n - step)
                if overflow { throw PyError.overflow("comb(\(n), \(k)) is too large for the course's integers") }
                result = product / (step + 1)
            }
            return .int(result)
        }
        return module
    }

    /// A real-number argument, with CPython's TypeError for anything else.
    static func number(_ value: PyValue) throws -> Double {
        guard let number = NumPyConversions.number(value) else {
            throw PyError.typeError("must be real number, not \(value.typeName)")
        }
        return number.value
    }
}
