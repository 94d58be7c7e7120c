import DifferentialSupport
import Foundation

/// Runs Tools/tokenizer/tiktoken_reference.py with the machine's python3 to get the real
/// tiktoken's answers, handing it the repository's ranks file (never the network).
enum TiktokenReference {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("Tools/tokenizer/tiktoken_reference.py")
    static let ranksFile = repositoryRoot.appendingPathComponent("Sources/Tokenizer/Resources/cl100k_base.tiktoken")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Whether python3 can import tiktoken; when not, the reason is printed once.
    static let isAvailable: Bool = {
        do {
            _ = try run(["check"])
            return true
        } catch {
            print("Skipping the tiktoken differential tests: \(error) (install it with `make python-deps`).")
            return false
        }
    }()

    /// Runs the helper with `arguments`, returning its standard output.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["python3", script.path] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "python3 \(script.lastPathComponent) \(arguments.first ?? "") failed: \(result.lastErrorLine)")
        }
        return result.stdout
    }

    /// A fresh temporary directory for one test's files.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tokenizer-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func readJSON<Value: Decodable>(_ type: Value.Type, from url: URL) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }
}
