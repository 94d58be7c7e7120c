import DifferentialSupport
import Foundation
import Tokenizer

/// cl100k_base encoding speed, side by side with the real tiktoken on the same corpus in the
/// same run, plus the one-time cost of loading the ranks file.
enum TokenizerBenchmark {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let referenceScript = repositoryRoot.appendingPathComponent("Tools/tokenizer/tiktoken_reference.py")
    private static let ranksFile = repositoryRoot.appendingPathComponent("Sources/Tokenizer/Resources/cl100k_base.tiktoken")
    private static let repetitions = 5

    static func run() {
        print("== Tokenizer (cl100k_base) ==")
        let loadStart = DispatchTime.now()
        let encoding: BPEEncoding
        do {
            encoding = try BPEEncoding.cl100kBase()
        } catch {
            print("cannot load the tokenizer: \(error)")
            return
        }
        print(String(format: "load (read, SHA-256 check, parse, index 100,256 ranks): %.1f ms, once per process",
                     seconds(since: loadStart) * 1000))

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tokenizer-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let textsFile = directory.appendingPathComponent("texts.json")
        let texts: [String]
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            _ = try python(["corpus", "--out", textsFile.path])
            texts = try JSONDecoder().decode([String].self, from: Data(contentsOf: textsFile))
        } catch {
            print("no corpus (\(error)); the tokenizer benchmark needs python3 to gather it")
            return
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }

        var best = Double.infinity
        var tokens = 0
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            tokens = texts.reduce(0) { $0 + encoding.encode($1).count }
            best = min(best, seconds(since: start))
        }
        print("corpus: \(texts.count) texts, \(bytes) bytes of documentation, Python source and edge cases on this machine")
        report("Swift BPEEncoding.encode", seconds: best, bytes: bytes, tokens: tokens)

        let benchArguments = ["bench", "--ranks", ranksFile.path, "--texts", textsFile.path, "--repeat", "\(repetitions)"]
        do {
            let output = try python(benchArguments)
            struct Measured: Decodable { let seconds: Double; let tokens: Int; let version: String }
            let measured = try JSONDecoder().decode(Measured.self, from: Data(output.utf8))
            report("tiktoken \(measured.version) encode_ordinary", seconds: measured.seconds, bytes: bytes, tokens: measured.tokens)
            print(String(format: "Swift / tiktoken speed: %.2f×%@", measured.seconds / best,
                         measured.tokens == tokens ? "" : " (token counts differ: \(tokens) vs \(measured.tokens)!)"))
        } catch {
            print("tiktoken not measured: \(error) (install it with `make python-deps`)")
        }
        print("measured by: make bench (swift run -c release Benchmarks), one thread each, best of \(repetitions); tiktoken side:")
        print("  python3 Tools/tokenizer/tiktoken_reference.py corpus --out texts.json")
        print("  python3 Tools/tokenizer/tiktoken_reference.py bench --ranks Sources/Tokenizer/Resources/cl100k_base.tiktoken --texts texts.json --repeat \(repetitions)")
    }

    private static func report(_ label: String, seconds: Double, bytes: Int, tokens: Int) {
        let padded = label.padding(toLength: 36, withPad: " ", startingAt: 0)
        print(String(format: "%@ %7.2f MB/s  %10.0f tokens/s  (%d tokens in %.3f s)",
                     padded, Double(bytes) / seconds / 1_000_000, Double(tokens) / seconds, tokens, seconds))
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    private struct PythonFailure: Error, CustomStringConvertible { let description: String }

    private static func python(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["python3", referenceScript.path] + arguments)
        guard result.status == 0 else {
            throw PythonFailure(description: "python3 \(referenceScript.lastPathComponent) \(arguments[0]) failed: \(result.lastErrorLine)")
        }
        return result.stdout
    }
}
