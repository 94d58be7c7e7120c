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

    @Test("int overflow is a clear OverflowError, not a wrong number")
    func overflow() {
        for program in ["2 ** 64", "9223372036854775807 + 1", "-(-9223372036854775807 - 1)", "abs(-9223372036854775807 - 1)", "10 ** 19", "int(1e19)"] {
            let summary = Interpreter().run(program).error?.summary ?? ""
            #expect(summary.hasPrefix("OverflowError: "), "\(program): \(summary)")
        }
    }

    @Test("deeply nested expressions parse without exhausting the stack")
    func deepNesting() {
        let depth = 500
        let program = "print(" + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + ")"
        #expect(Interpreter().run(program).output == "1\n")
    }
}
