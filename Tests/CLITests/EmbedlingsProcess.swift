import Foundation
import Testing

/// Runs the built `embedlings` binary as a subprocess with piped input, bounded by a timeout.
struct EmbedlingsProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary SwiftPM built next to the test bundle (CLITests depends on the `embedlings` target).
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let binary = directory.appendingPathComponent("embedlings")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates[0].appendingPathComponent("embedlings")
    }

    /// A fresh directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The environment a learner's shell would give, with the data directory pointed at `home`.
    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "EMBEDLINGS_HOME": home.path, "TERM": "dumb", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `embedlings arguments` (or another copy of it, `binary`) with `input` on standard input; a run longer than `timeout` is killed and fails the test.
    static func run(_ arguments: [String], input: String = "", home: URL, environment extra: [String: String] = [:],
                    binary: URL = executable, timeout: TimeInterval = 60,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("stdin")
        let outputFile = scratch.appendingPathComponent("stdout")
        let errorFile = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let process = try launch {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.environment = environment(home: home, extra: extra)
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            return process
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("embedlings \(arguments.joined(separator: " ")) did not finish within \(timeout) s", sourceLocation: sourceLocation)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// Starts a process, again if exec failed with "Text file busy": a freshly copied binary
    /// (the relocation tests) is briefly still open for writing in children that other tests
    /// are spawning at that moment, and Linux refuses to execute it until they exec.
    private static func launch(_ make: () throws -> Process) throws -> Process {
        var attempt = 1
        while true {
            let process = try make()
            do {
                try process.run()
                return process
            } catch let error as NSError where attempt < 10 && isTextFileBusy(error) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return [error, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }
}
