import Foundation

/// Runs another program to completion and collects what it printed: how the differential
/// tests and the benchmarks ask real CPython, numpy and tiktoken for the reference answer.
///
/// Standard output and standard error are read at the same time, so a program that writes a
/// lot to both never blocks on a full pipe.
public enum ChildProcess {
    /// What a finished program printed, and how it ended.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// The last non-empty line of standard error: for Python, the exception.
        public var lastErrorLine: String {
            stderr.split(separator: "\n").last.map(String.init) ?? ""
        }
    }

    /// Runs `arguments[0]` (looked up on PATH unless it is a path) with the rest as its
    /// arguments, `environment` added to this process's, and `input` on its standard input.
    /// Throws only when the program could not be started.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws -> Output {
        let process = Process()
        if let program = arguments.first, program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self)
        )
    }

    /// Whether `python3 -c code` runs successfully (for example an import).
    public static func pythonSucceeds(_ code: String) -> Bool {
        (try? run(["python3", "-c", code]).status) == 0
    }

    /// Whether `program` is on PATH.
    public static func exists(_ program: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(program)"]).status) == 0
    }

    /// Reads a pipe to its end on another thread.
    private final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
