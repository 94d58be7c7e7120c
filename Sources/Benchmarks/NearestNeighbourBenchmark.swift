import DifferentialSupport
import CourseModules
import CoursePython
import Foundation

/// Issue 4, item 8: the course's nearest-neighbour search as a learner writes it — a Python
/// loop calling `distance.cosine(q, e)` for 1,000 embeddings of 1,536 floats — run by
/// embedlings and by CPython with scipy on the same data in the same run.
enum NearestNeighbourBenchmark {
    static let count = 1000
    static let dimensions = 1536
    static let repetitions = 7

    /// The timed program, identical for both interpreters; it reports its own elapsed time.
    static let search = """
    start = time.perf_counter()
    distances = []
    for e in embeddings:
        distances.append(distance.cosine(q, e))
    best = min(range(len(distances)), key=lambda i: distances[i])
    elapsed = time.perf_counter() - start
    print(best, round(elapsed * 1000, 3))
    """

    static func run() {
        print("== Nearest-neighbour search: cosine distance from one query to \(count) embeddings of \(dimensions) floats, Python loop")
        var random = SplitMix64(seed: 2024)
        let vectors = (0...count).map { _ in (0..<dimensions).map { _ in random.nextUnit() * 2 - 1 } }
        for variant in Variant.allCases {
            let ours = runEmbedlings(vectors, variant: variant)
            let theirs = runCPython(vectors, variant: variant)
            print("-- embeddings as \(variant.description)")
            switch (ours, theirs) {
            case (.success(let mine), .success(let reference)):
                let agree = mine.best == reference.best ? "same nearest index \(mine.best)" : "DIFFERENT nearest index: \(mine.best) vs \(reference.best)"
                print(String(format: "   embedlings: %.2f ms   CPython 3.11 + scipy: %.2f ms   ratio %.3f (target ≤ 0.5)   %@",
                             mine.milliseconds, reference.milliseconds, mine.milliseconds / reference.milliseconds, agree))
            case (.success(let mine), .failure(let reason)):
                print(String(format: "   embedlings: %.2f ms   CPython: not measured (%@)", mine.milliseconds, reason.text))
            case (.failure(let reason), _):
                print("   embedlings failed: \(reason.text)")
            }
        }
        print("   best of \(repetitions) runs each; measured by: make bench  (swift run -c release Benchmarks)")
    }

    /// How the learner holds the embeddings: as the API returns them, or converted with numpy first.
    enum Variant: CaseIterable, CustomStringConvertible {
        case lists
        case arrays

        var description: String {
            switch self {
            case .lists: return "Python lists (response.data[i].embedding)"
            case .arrays: return "numpy arrays (np.array(embedding))"
            }
        }

        var conversion: String {
            switch self {
            case .lists: return ""
            case .arrays: return "q = np.array(q)\nembeddings = [np.array(e) for e in embeddings]\n"
            }
        }
    }

    struct Measurement {
        var best: Int
        var milliseconds: Double
    }

    struct Failure: Error {
        var text: String
    }

    private static func parse(_ outputs: [String]) -> Result<Measurement, Failure> {
        var measurements: [Measurement] = []
        for output in outputs {
            let fields = output.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, let best = Int(fields[0]), let milliseconds = Double(fields[1]) else {
                return .failure(Failure(text: "unexpected output: \(output.prefix(200))"))
            }
            measurements.append(Measurement(best: best, milliseconds: milliseconds))
        }
        guard let fastest = measurements.min(by: { $0.milliseconds < $1.milliseconds }) else { return .failure(Failure(text: "no runs")) }
        return .success(fastest)
    }

    private static func runEmbedlings(_ vectors: [[Double]], variant: Variant) -> Result<Measurement, Failure> {
        let interpreter = Interpreter(modules: CourseModules.standardModules(), limits: SandboxLimits(maxSeconds: 120, maxMemoryBytes: 1 << 30))
        interpreter["q"] = .makeList(vectors[0].map(PyValue.float))
        interpreter["embeddings"] = .makeList(vectors.dropFirst().map { .makeList($0.map(PyValue.float)) })
        let setup = interpreter.run("import time\nimport numpy as np\nfrom scipy.spatial import distance\n" + variant.conversion)
        if let error = setup.error { return .failure(Failure(text: error.summary)) }
        var outputs: [String] = []
        for _ in 0..<repetitions {
            let result = interpreter.run(search)
            if let error = result.error { return .failure(Failure(text: error.summary)) }
            outputs.append(result.output)
        }
        return parse(outputs)
    }

    private static func runCPython(_ vectors: [[Double]], variant: Variant) -> Result<Measurement, Failure> {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-nn-benchmark-\(ProcessInfo.processInfo.processIdentifier).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let json = "[" + vectors.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        do { try json.write(to: file, atomically: true, encoding: .utf8) } catch { return .failure(Failure(text: "could not write the data file: \(error)")) }
        let program = """
        import json, sys, time
        try:
            import numpy as np
            from scipy.spatial import distance
        except ImportError as error:
            print("missing", error.name)
            sys.exit(0)
        with open(sys.argv[1]) as data:
            vectors = json.load(data)
        q, embeddings = vectors[0], vectors[1:]
        \(variant.conversion)
        for _ in range(\(repetitions)):
        \(search.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """
        guard let result = try? ChildProcess.run(["python3", "-c", program, file.path]) else { return .failure(Failure(text: "python3 not found")) }
        let output = result.stdout
        if output.hasPrefix("missing") { return .failure(Failure(text: "python3 lacks \(output.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines))")) }
        guard result.status == 0 else { return .failure(Failure(text: "python3 exited with status \(result.status)")) }
        return parse(output.split(separator: "\n").map(String.init))
    }
}
