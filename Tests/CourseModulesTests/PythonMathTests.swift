import Testing
@testable import CourseModules

@Suite struct PythonMathTests {
    @Test("fsum is exactly rounded where a running sum drifts")
    func fsumIsExact() throws {
        #expect(try PythonMath.fsum(Array(repeating: 0.1, count: 10)) == 1.0)
        #expect(try PythonMath.fsum([1e100, 1.0, -1e100, 1e-100]) == 1.0)
        #expect(try PythonMath.fsum([]) == 0)
        #expect(try PythonMath.fsum([.infinity, 1]) == .infinity)
        #expect(throws: MathError(.value, "-inf + inf in fsum")) { try PythonMath.fsum([.infinity, -.infinity]) }
    }

    @Test("domain and range errors carry CPython's messages")
    func errors() {
        #expect(throws: MathError(.value, "math domain error")) { try PythonMath.sqrt(-1) }
        #expect(throws: MathError(.value, "math domain error")) { try PythonMath.log(0) }
        #expect(throws: MathError(.overflow, "math range error")) { try PythonMath.exp(1000) }
        #expect(throws: MathError(.overflow, "cannot convert float infinity to integer")) { try PythonMath.integral(.infinity, rounding: .down) }
    }

    @Test("isclose uses relative tolerance on the larger value and an absolute floor")
    func isClose() throws {
        #expect(try PythonMath.isClose(0.1 + 0.2, 0.3))
        #expect(try !PythonMath.isClose(1.0, 1.1))
        #expect(try PythonMath.isClose(0, 1e-12, absoluteTolerance: 1e-9))
        #expect(try !PythonMath.isClose(.infinity, 1e308))
    }

    @Test("float repr is CPython's shortest round-trip text")
    func floatRepr() {
        let cases: [(Double, String)] = [(0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1e-5, "1e-05"),
                                         (0.0001, "0.0001"), (-0.0, "-0.0"), (2.5e-7, "2.5e-07"), (123.456, "123.456"),
                                         (.infinity, "inf"), (.nan, "nan"), (1.7976931348623157e308, "1.7976931348623157e+308"), (5e-324, "5e-324")]
        for (value, text) in cases { #expect(PythonFloatRepr.string(value) == text) }
    }
}
