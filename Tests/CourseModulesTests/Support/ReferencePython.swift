import DifferentialSupport
import Foundation

/// The real CPython the differential tests compare against, when it is installed with the
/// modules a test needs; otherwise the reason it is not, so the test can say why it skipped.
struct ReferencePython {
    let executable: String

    /// Finds `python3` on PATH (or `$PYTHON`) with every module in `modules` importable.
    static func find(modules: [String]) -> Result<ReferencePython, SkipReason> {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["PYTHON"]].compactMap { $0 }
            + (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/python3" }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(SkipReason(text: "python3 not found on PATH"))
        }
        let python = ReferencePython(executable: executable)
        let probe = "import sys, importlib\nmissing=[m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\nprint(' '.join(missing))"
        guard let output = try? python.run(script: probe, arguments: modules), output.status == 0 else {
            return .failure(SkipReason(text: "\(executable) could not be started"))
        }
        let missing = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard missing.isEmpty else {
            return .failure(SkipReason(text: "\(executable) lacks \(missing) (make python-deps installs it)"))
        }
        return .success(python)
    }

    struct SkipReason: Error { let text: String }

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs `script` with `python3 -c`, feeding `input` on stdin.
    func run(script: String, arguments: [String] = [], input: String = "", environment extra: [String: String] = [:]) throws -> Output {
        let environment = ["PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"].merging(extra) { _, new in new }
        let result = try ChildProcess.run([executable, "-c", script] + arguments, environment: environment, input: Data(input.utf8))
        return Output(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }
}
