import Foundation

/// `embedlings serve --port 0` started as its own process from the binary built beside
/// Benchmarks (`make bench` builds both), as an instructor runs it.
struct ServedFakeProcess {
    let process: Process
    let baseURL: URL

    /// Starts the server and waits for its first line, the base URL; nil when the binary is
    /// missing or it did not start.
    static func start() -> ServedFakeProcess? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlings")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return nil }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let url = URL(string: String(decoding: line, as: UTF8.self)), url.port != nil else {
            process.terminate()
            return nil
        }
        // The banner after the first line is short; drain it so the pipe never fills.
        DispatchQueue.global().async { _ = output.fileHandleForReading.readDataToEndOfFile() }
        return ServedFakeProcess(process: process, baseURL: url)
    }

    /// SIGINT, as Ctrl-C: the server shuts down gracefully.
    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}
