import Foundation

/// A server started as a child process that announces where it listens on its first stdout
/// line (the Python mock prints its port, `embedlings serve` its base URL).
struct AnnouncingProcess {
    let process: Process
    /// The first stdout line, without its newline.
    let firstLine: String
    /// The child's stdin; closing it tells a child that watches it to exit.
    let input: Pipe

    /// Starts `executable` with `arguments` and waits for the first line; nil when it could
    /// not start or ended before saying anything. The rest of its output is drained so the
    /// pipe never fills.
    static func start(_ executable: URL, _ arguments: [String]) -> AnnouncingProcess? {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard !line.isEmpty else {
            process.terminate()
            return nil
        }
        DispatchQueue.global().async { _ = output.fileHandleForReading.readDataToEndOfFile() }
        return AnnouncingProcess(process: process, firstLine: String(decoding: line, as: UTF8.self), input: input)
    }
}
