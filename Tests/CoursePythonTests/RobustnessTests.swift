import Foundation
import Testing
import CoursePython

/// Whatever a learner types, the interpreter answers with a Python error, never a crash.
@Suite struct RobustnessTests {
    @Test("every prefix of every conformance program runs or fails with a Python error")
    func truncatedPrograms() throws {
        let limits = SandboxLimits(maxSteps: 200_000, maxSeconds: 2, maxMemoryBytes: 16 << 20)
        for name in ConformanceTests.programs {
            let source = try String(contentsOf: ConformanceTests.directory.appendingPathComponent(name), encoding: .utf8)
            let scalars = Array(source.unicodeScalars)
            for end in stride(from: 0, to: scalars.count, by: 9) {
                let prefix = String(String.UnicodeScalarView(scalars[..<end]))
                let result = Interpreter(limits: limits).run(prefix)
                if let error = result.error {
                    #expect(!error.summary.isEmpty)
                }
            }
        }
    }

    @Test("odd but valid corners of the language", arguments: [
        ("print(((((((((1)))))))))", "1\n"),
        ("x = [[[[]]]]; print(x[0][0])", "[[]]\n"),
        ("print(-(-(-3)), not not 0, --2)", "-3 False 2\n"),
        ("l = []; l.append(l); print(l)", "[[...]]\n"),
        ("d = {}; d['self'] = d; print(d)", "{'self': {...}}\n"),
        ("print(''.join([]), [][:], ()[:], ''[::-1])", " [] () \n"),
        ("print(1 if 0 else 2 if 0 else 3)", "3\n"),
        ("print(f'{\"x\":>3}{{}}')", "  x{}\n"),
        ("print(list(range(0)), list(range(5, 0)), range(0, 10, 3)[-1])", "[] [] 9\n"),
        ("print(9223372036854775807, -9223372036854775807 - 1)", "9223372036854775807 -9223372036854775808\n"),
    ])
    func corners(_ program: String, _ expected: String) {
        let result = Interpreter().run(program)
        #expect(result.output == expected, "\(result.error?.traceback ?? "")")
    }

    @Test("ints grow past 64 bits and come back to machine ints when they fit")
    func bigIntegers() {
        let python = Interpreter()
        let result = python.run("""
            big = 2 ** 100
            print(big, -big, big // 3, big % 7, big - big + 1, type(big).__name__, isinstance(big, int))
            print(9223372036854775807 + 1, -(-9223372036854775807 - 1), abs(-9223372036854775807 - 1), 10 ** 19 // 10 ** 18)
            print(int(1e19), int("123456789012345678901234567890"), float(2 ** 70), 2 ** 70 > 2 ** 69, sorted([2 ** 70, 1, -2 ** 65]))
            print(f"{2 ** 64:,}", {2 ** 80: "k"}[2 ** 80], 3 * 2 ** 64 == 2 ** 64 * 3, (2 ** 64) / 2 ** 63)
            """)
        #expect(result.output == """
            1267650600228229401496703205376 -1267650600228229401496703205376 422550200076076467165567735125 2 1 int True
            9223372036854775808 9223372036854775808 9223372036854775808 10
            10000000000000000000 123456789012345678901234567890 1.1805916207174113e+21 True [-36893488147419103232, 1, 1180591620717411303424]
            18,446,744,073,709,551,616 k True 2.0

            """, "\(result.error?.traceback ?? "")")
        #expect(python.run("x = 10 ** 10 ** 10").error?.typeName == "MemoryError")
    }

    @Test("deeply nested expressions parse without exhausting the stack")
    func deepNesting() {
        let depth = 500
        let program = "print(" + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + ")"
        #expect(Interpreter().run(program).output == "1\n")
    }
}
