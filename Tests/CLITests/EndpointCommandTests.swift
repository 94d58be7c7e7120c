import EmbeddingsAPI
import EmbeddingsServer
import FakeEmbeddings
import Foundation
import Testing

/// `:endpoint` in a learner's session, driven through piped input to the built binary.
@Suite(":endpoint in the course session")
struct EndpointCommandTests {
    static let canary = "sk-canary-7f3a9c1e5b2d4f6a8e0c"

    @Test("by default it names the built-in fake and says how to switch; :help lists it in the commands table")
    func showsTheFake() throws {
        let run = try session([":endpoint", ":help"])
        #expect(run.stdout.contains("\n  :endpoint [fake|openai|URL]  show where exercise code sends"))
        #expect(run.stdout.contains("\n  :help                        show these commands\n"), "usages are padded into one column")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Exercise code talks to the built-in fake endpoint: offline, free, deterministic."))
        #expect(run.stdout.contains(":endpoint fake, :endpoint openai or :endpoint URL"))
    }

    @Test("the key from OPENAI_API_KEY is named by its source, never shown, even in part")
    func keyFromEnvironmentIsNeverShown() throws {
        let run = try session([":endpoint openai", ":endpoint", ":endpoint http://127.0.0.1:9/v1", ":endpoint", ":help"],
                              environment: ["OPENAI_API_KEY": Self.canary])
        #expect(run.stdout.contains("Switched to the real OpenAI API for this session."))
        #expect(run.stdout.contains("Key from OPENAI_API_KEY."))
        #expect(run.stdout.contains("Your OpenAI key (OPENAI_API_KEY) is sent to it in place of <OPENAI_API_TOKEN>."))
        for fragment in [Self.canary, "7f3a9c", "5b2d4f6a8e0c", "sk-can"] {
            #expect(!run.stdout.contains(fragment) && !run.stderr.contains(fragment), "\(fragment) was printed")
        }
    }

    @Test("a server on another machine over plain http is told it gets the placeholder, never the key")
    func plainHTTPElsewhereGetsThePlaceholder() throws {
        let run = try session([":endpoint http://192.0.2.10:8080/v1", ":endpoint"], environment: ["OPENAI_API_KEY": Self.canary])
        #expect(run.stdout.contains("It gets <OPENAI_API_TOKEN>, never your OpenAI key"))
        #expect(run.stdout.contains("https or to this machine."), "the reason follows (the line may wrap)")
        #expect(!run.stdout.contains("is sent to it in place of"))
        #expect(!run.stdout.contains(Self.canary) && !run.stderr.contains(Self.canary))
    }

    @Test("a key in the config file is named by its path, never shown")
    func keyFromConfigFileIsNeverShown() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("config.json")
        try Data("{\"openai_api_key\": \"\(Self.canary)\"}".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let run = try EmbedlingsProcess.run([], input: script([":endpoint openai", ":endpoint"]), home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(flat(run.stdout).contains("Key from the config file \(file.path)."))
        #expect(!run.stdout.contains(Self.canary) && !run.stdout.contains("7f3a9c"))
    }

    @Test("switching to openai without a key is allowed, and says at once that calls will fail until one is set")
    func openAIWithoutKey() throws {
        let run = try session([":endpoint openai", ":endpoint"])
        let text = flat(run.stdout)
        #expect(text.contains("Switched to the real OpenAI API for this session. No key configured: calls will fail until OPENAI_API_KEY is set"))
        #expect(text.contains("config.json holds {\"openai_api_key\": \"sk-...\"} with chmod 600 (then :endpoint openai again)."))
        #expect(text.contains("Exercise code talks to the real OpenAI API (https://api.openai.com/v1)"))
    }

    @Test("a key file written during the session counts from the next :endpoint openai")
    func keyFileWrittenDuringTheSession() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let output = home.appendingPathComponent("stdout.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let input = Pipe()
        let process = Process()
        process.executableURL = EmbedlingsProcess.executable
        process.environment = EmbedlingsProcess.environment(home: home)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        input.fileHandleForWriting.write(Data(":endpoint openai\n".utf8))
        #expect(waitFor("No key configured", in: output), "the first switch never answered")
        // Written as a learner would, in another terminal, while the session waits at its prompt.
        let file = home.appendingPathComponent("config.json")
        try APIKeyFile.write(APIKey(Self.canary), to: file.path)
        input.fileHandleForWriting.write(Data(":endpoint openai\n:endpoint\n:quit\n".utf8))
        try input.fileHandleForWriting.close()
        #expect(waitFor("Progress saved", in: output), "the session did not finish")
        process.waitUntilExit()

        let text = flat((try? String(contentsOf: output, encoding: .utf8)) ?? "")
        let afterKey = try #require(text.range(of: "No key configured")).upperBound
        #expect(text[afterKey...].contains("Key from the config file \(file.path)."))
        #expect(!text.contains(Self.canary) && !text.contains("7f3a9c"))
    }

    @Test("on a terminal, tab completes :endpoint and its values")
    func tabCompletion() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100"])
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)
        #expect(terminal.waitFor("> "), "no prompt; screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":endp\t\r")
        #expect(terminal.waitFor("built-in fake endpoint"), "tab should complete :endp to :endpoint; screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":endpoint op\t\r")
        #expect(terminal.waitFor("Switched to the real OpenAI API"), "tab should complete op to openai; screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("a bad value is refused with a clear message and changes nothing")
    func badValueChangesNothing() throws {
        let run = try session([":endpoint openai", ":endpoint ftp://x", ":endpoint foo", ":endpoint"])
        let text = flat(run.stdout)
        #expect(text.contains("Unknown endpoint 'ftp://x': use fake, openai, or an http(s) URL"))
        #expect(text.contains("Unknown endpoint 'foo': use fake, openai, or an http(s) URL"))
        let afterRefusals = try #require(text.range(of: "Unknown endpoint 'foo'"))
        #expect(text[afterRefusals.upperBound...].contains("Exercise code talks to the real OpenAI API"))
    }

    @Test("a user name and password inside a URL are never echoed")
    func credentialsInURLAreHidden() throws {
        let run = try session([":endpoint http://learner:\(Self.canary)@127.0.0.1:9/v1", ":endpoint"])
        #expect(run.stdout.contains("Switched to http://127.0.0.1:9/v1 for this session."))
        #expect(!run.stdout.contains(Self.canary) && !run.stdout.contains("learner:"))
    }

    @Test("after switching to a served endpoint, exercise code calls it; :endpoint fake brings it back, keeping the entries")
    func exerciseCodeFollowsTheSwitch() async throws {
        // The served fake allows one request a minute, the in-process fake has no limit: a
        // RateLimitError can only come from the server.
        let fake = FakeEmbeddings(limits: SimulatedLimits(requestsPerMinute: 1))
        let server = try await EmbeddingsServer.start(EmbeddingsServerConfiguration(port: 0, fake: fake))
        let create = "client.embeddings.create(model=\"text-embedding-3-small\", input=\"Embeddings turn text into numbers.\")"
        let run: SessionRun
        do {
            run = try session([
                ":goto creating-embeddings creating-embeddings",
                "from openai import OpenAI",
                "client = OpenAI(api_key=\"<OPENAI_API_TOKEN>\", max_retries=0)",
                ":endpoint \(server.baseURL.absoluteString)",
                ":endpoint",
                "served = \(create)",
                ":endpoint fake",
                "local = \(create)",
                "print('local dimensions', len(local.data[0].embedding))",
            ])
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let text = flat(run.stdout)
        let switchedThere = try #require(text.range(of: "Switched to \(server.baseURL.absoluteString) for this session."))
        let switchedBack = try #require(text.range(of: "Switched to the built-in fake endpoint for this session."))
        let onServer = text[switchedThere.upperBound..<switchedBack.lowerBound]
        let backHome = text[switchedBack.upperBound...]
        #expect(onServer.contains("your 2 entries ran again"))
        #expect(onServer.contains("Exercise code talks to \(server.baseURL.absoluteString), an OpenAI-compatible server"))
        #expect(onServer.contains("RateLimitError"))
        #expect(backHome.contains("your 3 entries ran again"))
        #expect(backHome.contains("local dimensions 1536"))
        #expect(!backHome.contains("RateLimitError") && !backHome.contains("Traceback"))
        #expect(run.progressLog.components(separatedBy: "\"kind\":\"code_submitted\"").count - 1 == 5)
    }

    // MARK: Helpers

    private struct SessionRun {
        let status: Int32
        let stdout: String
        let stderr: String
        let progressLog: String
    }

    /// Runs a course session in a fresh data directory with `lines` typed, then `:quit`.
    private func session(_ lines: [String], environment: [String: String] = [:]) throws -> SessionRun {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try EmbedlingsProcess.run([], input: script(lines), home: home, environment: environment)
        let log = (try? String(contentsOf: home.appendingPathComponent("progress.jsonl"), encoding: .utf8)) ?? ""
        return SessionRun(status: run.status, stdout: run.stdout, stderr: run.stderr, progressLog: log)
    }

    /// Polls `file` until it contains `text`, for at most 30 seconds.
    private func waitFor(_ text: String, in file: URL) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let contents = try? String(contentsOf: file, encoding: .utf8), contents.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    private func script(_ lines: [String]) -> String {
        (lines + [":quit"]).joined(separator: "\n") + "\n"
    }

    /// The output with the wrapping undone, so a sentence can be looked for whole.
    private func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
