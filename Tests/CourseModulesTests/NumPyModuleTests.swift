import CourseModules
import CoursePython
import Testing

/// numpy inside the sandbox: budgets are respected, and numpy's scalars mix with Python code.
@Suite struct NumPyModuleTests {
    func run(_ source: String) -> (output: String, error: String?) {
        let interpreter = Interpreter(modules: CourseModules.standardModules())
        let result = interpreter.run(source, filename: "<test>")
        return (result.output, result.error?.summary)
    }

    @Test("arrays larger than the memory budget are refused with MemoryError, never allocated", arguments: [
        "np.zeros(10**10)", "np.ones((10**10, 10**10))", "np.arange(1e300)", "np.linspace(0, 1, 10**12)",
    ])
    func memoryBudget(expression: String) {
        let (_, error) = run("import numpy as np\nx = \(expression)")
        #expect(error?.hasPrefix("MemoryError") == true, "\(expression): \(error ?? "no error")")
    }

    @Test("np.float64 results behave like floats in Python code")
    func scalarsMixWithPython() {
        let (output, error) = run("""
        import numpy as np
        from scipy.spatial import distance
        scores = [distance.cosine([1, 0], v) for v in ([1, 1], [0, 1], [1, 0.1])]
        print(sorted(scores)[0] < 0.01, f"{scores[0]:.4f}", round(sum(scores), 6) > 0, max(scores) == scores[1])
        print(["a", "b", "c"][np.argmin(scores)], float(np.mean(scores)) > 0, 1 - scores[1], -np.float64(2.5))
        print(np.array(scores).argsort()[:2], bool(np.float64(0.0)), np.float64(3.0) * 2, 2 ** np.float64(3.0))
        """)
        #expect(error == nil, "\(error ?? "")")
        #expect(output == """
        True 0.2929 True True
        c True 0.0 -2.5
        [2 0] False 6.0 8.0

        """)
    }

    @Test("an array in a condition raises numpy's ValueError")
    func ambiguousTruth() {
        let (_, error) = run("import numpy as np\nif np.array([1.0, 2.0]) > 1:\n    pass")
        #expect(error == "ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
    }

    @Test("time.sleep is shortened and says so")
    func sleepIsCapped() {
        let (output, error) = run("import time\ntime.sleep(30)\nprint('done')")
        #expect(error == nil)
        let cap = min(1.0, SandboxLimits.standard.maxSeconds / 4)
        #expect(output == "[time.sleep(30.0) shortened to \(cap) s in the course]\ndone\n")
    }
}
