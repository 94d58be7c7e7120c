import DifferentialSupport
import Foundation
import Testing

/// Ctrl-C on a real terminal: it stops the code that is running, never the session, and the
/// learner's code and progress stay as they were.
@Suite("Ctrl-C while course code runs")
struct CtrlCTests {
    @Test("in an exercise, Ctrl-C during a request to a server that never answers stops it; the code is kept, no attempt is counted, the session goes on")
    func stopsAnExerciseWaitingOnTheNetwork() throws {
        let listener = try SilentLoopbackListener(.connectsButNeverAnswers)
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try Self.sessionAtFirstExercise(home: home)
        terminal.typeAtPrompt("from openai import OpenAI\r")
        terminal.typeAtPrompt("client = OpenAI(api_key=\"<OPENAI_API_TOKEN>\", base_url=\"http://127.0.0.1:\(listener.port)/v1\")\r")
        terminal.typeAtPrompt("print(\"asking\"); response = client.embeddings.create(model=\"text-embedding-3-small\", input=\"hi\")\r")
        #expect(terminal.waitFor("asking\n"), "the request did not start; screen: \(terminal.screenText)")
        terminal.type("\u{03}")
        #expect(terminal.waitFor("Stopped (Ctrl-C). Your code is kept; edit it or run it again."), "screen: \(terminal.screenText)")

        terminal.typeAtPrompt(":code\r")
        #expect(terminal.waitFor("client.embeddings.create(model=\"text-embedding-3-small\", input=\"hi\")", count: 2), "screen: \(terminal.screenText)")
        terminal.typeAtPrompt("\u{04}")
        #expect(terminal.waitFor("Progress saved."))
        #expect(terminal.waitForExit() == 0)

        let log = try String(contentsOf: home.appendingPathComponent("progress.jsonl"), encoding: .utf8)
        let submissions = log.split(separator: "\n").filter { $0.contains("code_submitted") }
        #expect(submissions.count == 2, "the two entries that ran count as attempts; the stopped one does not: \(log)")
        #expect(!submissions.contains { $0.contains("embeddings.create") })
    }

    @Test("Ctrl-C while an exercise is set up on a server that never answers stops the setup; :endpoint fake then sets it up")
    func stopsAnExerciseSetup() throws {
        let listener = try SilentLoopbackListener(.connectsButNeverAnswers)
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try Self.sessionAtFirstExercise(home: home, arguments: ["--endpoint", "http://127.0.0.1:\(listener.port)/v1"])
        // The text is drawn just before the setup starts: a key pressed in between is ignored
        // (as at any other moment outside a run), so press again until the setup stops.
        #expect(Self.pressCtrlC(on: terminal, until: "Stopped (Ctrl-C) while setting up this exercise"), "screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":endpoint fake\r")
        #expect(terminal.waitFor("Switched to the built-in fake endpoint"), "screen: \(terminal.screenText)")
        terminal.typeAtPrompt("from openai import OpenAI\r")
        terminal.typeAtPrompt(":code\r")
        #expect(terminal.waitFor("from openai import OpenAI", count: 2), "the exercise runs entries again; screen: \(terminal.screenText)")
        terminal.typeAtPrompt("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C while :endpoint sets the open exercise up again on a server that never answers keeps the exercise, and its names, where they were")
    func stopsMovingAnExercise() throws {
        let listener = try SilentLoopbackListener(.connectsButNeverAnswers)
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try Self.sessionAtFirstExercise(home: home)
        terminal.typeAtPrompt("answer = 6 * 7\r")
        terminal.typeAtPrompt(":endpoint http://127.0.0.1:\(listener.port)/v1\r")
        #expect(terminal.waitFor("Switched to"), "screen: \(terminal.screenText)")
        #expect(Self.pressCtrlC(on: terminal, until: "Stopped (Ctrl-C): this exercise stays on the built-in fake endpoint."), "screen: \(terminal.screenText)")
        terminal.typeAtPrompt("print(answer)\r")
        #expect(terminal.waitFor("42\n"), "screen: \(terminal.screenText)")
        terminal.typeAtPrompt("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("at the scratch prompt, Ctrl-C stops an endless loop and the namespace and session live on; Ctrl-C at the prompt only clears the line")
    func stopsAnEndlessLoopAtTheScratchPrompt() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable,
                                          arguments: ["run", "--endpoint", "http://127.0.0.1:9/v1"],
                                          environment: EmbedlingsProcess.environment(home: home), controllingTerminal: true)
        #expect(terminal.waitForPrompt(">>> "), "no prompt; screen: \(terminal.screenText)")
        terminal.typeAtPrompt("import time\r", prompt: ">>> ")
        terminal.typeAtPrompt("kept = 41\r", prompt: ">>> ")
        terminal.typeAtPrompt("def spin():\r", prompt: ">>> ")
        terminal.typeAtPrompt("    print('spinning')\r", prompt: "... ")
        terminal.typeAtPrompt("    while True: time.sleep(0.2)\r", prompt: "... ")
        terminal.typeAtPrompt("\r", prompt: "... ")
        terminal.typeAtPrompt("spin()\r", prompt: ">>> ")
        #expect(terminal.waitFor("spinning\n"), "screen: \(terminal.screenText)")
        terminal.type("\u{03}")
        #expect(terminal.waitFor("Stopped (Ctrl-C)."), "screen: \(terminal.screenText)")

        terminal.typeAtPrompt("half-typed\u{03}", prompt: ">>> ")
        terminal.typeAtPrompt("print(kept + 1)\r", prompt: ">>> ")
        #expect(terminal.waitFor("42\n"), "screen: \(terminal.screenText)")
        #expect(!terminal.screenText.contains("NameError"), "the Ctrl-C'd line must not run")
        terminal.typeAtPrompt("\u{04}", prompt: ">>> ")
        #expect(terminal.waitForExit() == 0)
    }

    /// embedlings on a pseudo-terminal that is its own, at the course's first code exercise.
    private static func sessionAtFirstExercise(home: URL, arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: arguments,
                                          environment: EmbedlingsProcess.environment(home: home), controllingTerminal: true)
        #expect(terminal.waitForPrompt(), "no prompt; screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":goto creating-embeddings creating-embeddings\r")
        #expect(terminal.waitFor("Exercise: Your first embedding"))
        return terminal
    }

    /// Presses Ctrl-C until `text` appears (at most ten times, two seconds apart): a key pressed
    /// just before a run starts is ignored, as at any moment outside a run.
    private static func pressCtrlC(on terminal: PseudoTerminal, until text: String) -> Bool {
        for _ in 0..<10 {
            terminal.type("\u{03}")
            if terminal.waitFor(text, timeout: 2) { return true }
        }
        return false
    }
}
