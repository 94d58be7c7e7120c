import Foundation

/// `embedlings serve --port 0` started as its own process from the binary built beside
/// Benchmarks (`make bench` builds both), as an instructor runs it.
struct ServedFakeProcess {
    let child: AnnouncingProcess
    let baseURL: URL

    /// Starts the server and waits for its first line, the base URL; nil when the binary is
    /// missing or it did not start.
    static func start() -> ServedFakeProcess? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlings")
        guard FileManager.default.isExecutableFile(atPath: binary.path),
              let child = AnnouncingProcess.start(binary, ["serve", "--port", "0"])
        else { return nil }
        guard let url = URL(string: child.firstLine), url.port != nil else {
            child.process.terminate()
            return nil
        }
        return ServedFakeProcess(child: child, baseURL: url)
    }

    /// SIGINT, as Ctrl-C: the server shuts down gracefully.
    func stop() {
        child.process.interrupt()
        child.process.waitUntilExit()
    }
}
