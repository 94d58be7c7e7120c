import Foundation
import Testing
import CoursePython

/// Each sandbox budget stops a program with a message that says what ran out.
@Suite struct SandboxTests {
    @Test("an endless loop ends within the time budget with a clear message")
    func endlessLoopStops() {
        let python = Interpreter(limits: SandboxLimits(maxSteps: .max, maxSeconds: 0.5))
        let started = Date()
        let result = python.run("while True:\n    pass\n")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(result.error?.isSandboxLimit == true)
        #expect(result.error?.summary.contains("time limit reached") == true)
    }

    @Test("the default budgets stop `while True: pass` within 2 seconds")
    func defaultBudgetStopsEndlessLoop() {
        let started = Date()
        let result = Interpreter().run("while True: pass")
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(result.error?.isSandboxLimit == true)
    }

    @Test("the step budget counts loop iterations and names the limit")
    func stepBudget() {
        let python = Interpreter(limits: SandboxLimits(maxSteps: 10_000, maxSeconds: 60))
        let result = python.run("n = 0\nfor i in range(10**9):\n    n += 1\n")
        #expect(result.error?.summary == "SandboxLimitExceeded: step limit reached: the program ran more than 10,000 steps (is there a loop that never ends?)")
        #expect((python["n"]?.intValue ?? 0) < 10_000)
    }

    @Test("no except clause can swallow a spent budget")
    func budgetCannotBeCaught() {
        let python = Interpreter(limits: SandboxLimits(maxSteps: 5_000, maxSeconds: 60))
        let result = python.run("""
            while True:
                try:
                    while True:
                        pass
                except BaseException:
                    pass
                except:
                    pass
            """)
        #expect(result.error?.isSandboxLimit == true)
    }

    @Test("list repetition beyond the memory budget is a MemoryError before anything is allocated")
    func listRepetitionIsRefused() {
        let result = Interpreter().run("x = [0] * 10**10")
        #expect(result.error?.typeName == "MemoryError")
        #expect(result.error?.summary.hasPrefix("MemoryError: the sandbox's memory budget is 256 MiB") == true)
    }

    @Test("string repetition, range materialisation and growing comprehensions are bounded too")
    func otherAllocationsAreRefused() {
        let limits = SandboxLimits(maxMemoryBytes: 1 << 20)
        for program in ["s = 'ab' * 10**9", "l = list(range(10**8))", "l = [i for i in range(10**7)]", "l = []\nfor i in range(10**7):\n    l.append(i)"] {
            let result = Interpreter(limits: limits).run(program)
            #expect(result.error?.typeName == "MemoryError", "\(program)")
        }
    }

    @Test("a MemoryError can be caught, and the program goes on")
    func memoryErrorIsCatchable() {
        let result = Interpreter().run("try:\n    x = [0] * 10**12\nexcept MemoryError:\n    print('too big')\n")
        #expect(result.output == "too big\n")
        #expect(result.succeeded)
    }

    @Test("deep recursion is a RecursionError, never a crash")
    func recursionLimit() {
        let result = Interpreter().run("def f(n):\n    return f(n + 1)\nf(0)\n")
        #expect(result.error?.summary == "RecursionError: maximum recursion depth exceeded")
        let deep = Interpreter(limits: SandboxLimits(maxRecursionDepth: 5000)).run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(4900))\n")
        #expect(deep.output == "4900\n")
    }

    @Test("output beyond the cap is cut and the program stopped")
    func outputCap() {
        let python = Interpreter(limits: SandboxLimits(maxOutputCharacters: 100))
        let result = python.run("for i in range(1000):\n    print('line', i)\n")
        #expect(result.output.count == 100)
        #expect(result.error?.summary.contains("output limit reached") == true)
    }

    @Test("files, processes, code evaluation and the keyboard are refused with a reason", arguments: [
        ("open('/etc/passwd')", "open() is not available"),
        ("__import__('os')", "__import__() is not available"),
        ("exec('x = 1')", "exec() is not available"),
        ("eval('1 + 1')", "eval() is not available"),
        ("input('name? ')", "input() is not available here: exercises cannot read from the keyboard"),
        ("import os", "No module named 'os'"),
        ("import subprocess", "No module named 'subprocess'"),
        ("print('x', file=None); print('y', file='out.txt')", "print(file=...) is not available"),
    ])
    func forbiddenCapabilities(_ program: String, _ message: String) {
        let result = Interpreter().run(program)
        #expect(result.error?.summary.contains(message) == true, "\(result.error?.summary ?? "no error")")
    }

    @Test("budgets are per run: a fresh run gets a fresh step budget")
    func budgetsResetBetweenRuns() {
        let python = Interpreter(limits: SandboxLimits(maxSteps: 2_000, maxSeconds: 60))
        for _ in 0..<3 {
            #expect(python.run("for i in range(500):\n    pass\n").succeeded)
        }
    }
}
