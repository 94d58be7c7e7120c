import Foundation
import Testing
@testable import CoursePython

/// Differential tests: every program in `Conformance/` is run by the course interpreter and by
/// real CPython; stdout must be identical, and for programs that fail, the last line of the
/// traceback too.
@Suite struct ConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test("the course interpreter prints what CPython prints", arguments: programs)
    func matchesCPython(_ name: String) throws {
        guard let python = CPython.shared else {
            print("skipped \(name): python3 was not found on PATH, so there is nothing to compare with")
            return
        }
        let url = Self.directory.appendingPathComponent(name)
        let source = try String(contentsOf: url, encoding: .utf8)
        let expected = try python.run(url)
        let result = Interpreter().run(source, filename: url.path)
        #expect(result.output == expected.stdout, "stdout of \(name) differs")
        let ourLast = result.error?.summary ?? ""
        let theirLast = expected.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(ourLast == theirLast, "last traceback line of \(name) differs")
        if name.hasPrefix("error_"), let error = result.error {
            var ours = error.traceback
            if let hint = error.exception.hint { ours = ours.replacingOccurrences(of: hint + "\n", with: "") }
            #expect(ours == expected.stderr, "traceback of \(name) differs")
        }
    }
}

/// Runs real CPython for differential tests.
struct CPython: Sendable {
    let executable: String

    static let shared: CPython? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return CPython(executable: path) }
        }
        return nil
    }()

    /// Runs `file`; output goes through temporary files (reading pipes can be interrupted by
    /// the signals of other tests' child processes).
    func run(_ file: URL) throws -> (stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [file.path]
        process.environment = ["PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"]
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }
}
