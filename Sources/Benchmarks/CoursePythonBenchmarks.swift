import DifferentialSupport
import CoursePython
import Foundation

/// How fast the course's Python runs typical learner loops, next to CPython on the same
/// machine (when `python3` is on PATH). Run with `make bench`.
enum CoursePythonBenchmarks {
    static let programs: [(name: String, source: String)] = [
        ("integer loop, 1,000,000 iterations", """
            total = 0
            for i in range(1000000):
                total += i % 7
            print(total)
            """),
        ("pure-Python cosine similarity, 200 x 1536 floats", """
            def cosine(u, v):
                dot = 0.0
                nu = 0.0
                nv = 0.0
                for a, b in zip(u, v):
                    dot += a * b
                    nu += a * a
                    nv += b * b
                return dot / (nu ** 0.5 * nv ** 0.5)
            query = [((i * 37) % 101) / 101 for i in range(1536)]
            rows = [[((i * j) % 97 + 1) / 97 for i in range(1536)] for j in range(1, 201)]
            best = max(range(len(rows)), key=lambda j: cosine(query, rows[j]))
            print(best)
            """),
        ("dicts, strings and sorting: word counts over 20,000 words", """
            words = ("the quick brown fox jumps over the lazy dog " * 2223).split()
            counts = {}
            for w in words:
                counts[w] = counts.get(w, 0) + 1
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
            print(top, f"{len(words):,}")
            """),
    ]

    static func run() {
        print("CoursePython: interpreted loops (best of 3, wall clock)")
        for (name, source) in programs {
            var best = Double.infinity
            var output = ""
            for _ in 0..<3 {
                let python = Interpreter(limits: SandboxLimits(maxSteps: .max, maxSeconds: 120))
                let start = DispatchTime.now().uptimeNanoseconds
                let result = python.run(source)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, seconds)
                output = result.error?.summary ?? result.output.trimmingCharacters(in: .newlines)
            }
            let cpython = cpythonSeconds(source)
            let comparison = cpython.map { String(format: "  CPython %.3f s  (ratio %.2f)", $0, best / $0) } ?? "  (python3 not found)"
            print("  " + name.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: " embedlings %.3f s", best) + comparison + "  → \(output.prefix(40))")
        }
        print("  measured by: swift run -c release Benchmarks (CoursePythonBenchmarks), CPython via python3 -c with time.perf_counter")
    }

    private static func cpythonSeconds(_ source: String) -> Double? {
        let wrapper = """
            import time, io, contextlib
            source = \(pythonLiteral(source))
            best = float('inf')
            for _ in range(3):
                start = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(source, '<bench>', 'exec'), {})
                best = min(best, time.perf_counter() - start)
            print(best)
            """
        guard let result = try? ChildProcess.run(["python3", "-c", wrapper]), result.status == 0 else { return nil }
        return Double(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func pythonLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'").replacingOccurrences(of: "\n", with: "\\n") + "'"
    }
}
