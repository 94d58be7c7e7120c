import DifferentialSupport
import Foundation

/// Load from wrk, a separate C process on loopback: the same load generator for the served
/// fake and the Python mock, and neither server shares its process with it.
enum WrkLoad {
    struct Result {
        var requestsPerSecond: Double
        var completed: Int
        var failed: Int
        var seconds: Double
    }

    /// wrk's path, or nil when it is not installed (`make bench` installs it).
    static let executable: String? = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The command line, for the report.
    static func commandLine(connections: Int, seconds: Int) -> String {
        "wrk -t1 -c\(connections) -d\(seconds)s -s post.lua URL"
    }

    /// POSTs `body` with the placeholder key to `url` for `seconds`; nil when wrk failed.
    static func run(url: URL, body: String, authorization: String, connections: Int, seconds: Int) -> Result? {
        guard let executable else { return nil }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-bench-\(UUID().uuidString).lua")
        let lua = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Authorization"] = "\(authorization)"
            wrk.body = [==[\(body)]==]
            """
        guard (try? lua.write(to: script, atomically: true, encoding: .utf8)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: script) }

        let arguments = ["-t1", "-c\(connections)", "-d\(seconds)s", "-s", script.path, url.absoluteString]
        guard let result = try? ChildProcess.run([executable] + arguments), result.status == 0 else { return nil }
        let text = result.stdout
        return parse(text)
    }

    /// Reads "N requests in 5.00s", "Requests/sec: R", and the error lines from wrk's report.
    static func parse(_ text: String) -> Result? {
        var result = Result(requestsPerSecond: 0, completed: 0, failed: 0, seconds: 0)
        var sawRate = false
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let words = line.split(separator: " ")
            if line.hasPrefix("Requests/sec:"), let rate = words.last.flatMap({ Double($0) }) {
                result.requestsPerSecond = rate
                sawRate = true
            } else if words.count >= 4, words[1] == "requests", words[2] == "in", let count = Int(words[0]) {
                result.completed = count
                result.seconds = Double(words[3].trimmingCharacters(in: CharacterSet(charactersIn: "s,"))) ?? 0
            } else if line.hasPrefix("Non-2xx or 3xx responses:"), let count = words.last.flatMap({ Int($0) }) {
                result.failed += count
            } else if line.hasPrefix("Socket errors:") {
                result.failed += words.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            }
        }
        return sawRate ? result : nil
    }
}
