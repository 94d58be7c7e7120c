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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw Failure(description: "python3 \(script.lastPathComponent) \(arguments.first ?? "") failed: \(message)")
        }
        return String(decoding: outputData, as: UTF8.self)
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
