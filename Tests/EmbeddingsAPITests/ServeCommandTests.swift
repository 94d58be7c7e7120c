import EmbeddingsWire
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `embedlings serve` as a learner or an instructor runs it: a real process, its stdout,
/// a request, and a signal to stop it.
@Suite("The embedlings serve command", .serialized)
struct ServeCommandTests {
    /// The built `embedlings` binary beside the test bundle (`swift build --build-tests`
    /// builds it); nil when the tests run from somewhere else.
    static let executable: URL? = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("embedlings")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    @Test(
        "the first stdout line is the base URL at once; the server answers and stops cleanly on SIGINT and SIGTERM",
        .enabled(if: executable != nil, "skipped: the embedlings binary is not built next to the tests (swift build --build-tests builds it)"),
        arguments: [SIGINT, SIGTERM]
    )
    func serveLifecycle(signal: Int32) async throws {
        let executable = try #require(Self.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var firstLine = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            firstLine.append(byte)
        }
        let baseURL = try #require(URL(string: String(decoding: firstLine, as: UTF8.self)))
        #expect(baseURL.absoluteString.hasPrefix("http://127.0.0.1:"))
        #expect(baseURL.path == "/v1")

        var request = URLRequest(url: baseURL.appendingPathComponent("embeddings"))
        request.httpMethod = "POST"
        request.setValue("Bearer <OPENAI_API_TOKEN>", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(#"{"input": "hello", "model": "text-embedding-3-small", "dimensions": 4}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(try JSONDecoder().decode(EmbeddingResponse.self, from: data).data.count == 1)

        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "the server must stop within 10 s of the signal")
        if !process.isRunning { #expect(process.terminationStatus == 0) }
    }
}
