import Foundation
import Testing

/// The libedit path: the binary on a pseudo-terminal, typed at like a person would.
@Suite("Running the course on a terminal")
struct TerminalSessionTests {
    @Test("on a terminal: colour, history recall with the up arrow, tab completion of commands, lesson ids and choices, Ctrl-C, continuation lines, Ctrl-D")
    func lineEditing() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100"])
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)

        #expect(terminal.waitFor("> "), "no prompt; screen: \(terminal.screenText)")
        #expect(terminal.rawTranscript.contains("\u{1B}[36mLesson 1/"), "the header is coloured on a terminal")

        terminal.typeAtPrompt(":lessons\r")
        #expect(terminal.waitFor("1. what-are-embeddings"))
        terminal.typeAtPrompt("\u{1B}[A\r")
        #expect(terminal.waitFor("1. what-are-embeddings", count: 2), "up arrow should recall :lessons; screen: \(terminal.screenText)")

        terminal.typeAtPrompt(":prog\t\r")
        #expect(terminal.waitFor("lessons done."), "tab should complete :prog to :progress; screen: \(terminal.screenText)")

        terminal.typeAtPrompt(":goto embeddings-app\t\r")
        #expect(terminal.waitFor("Lesson 2/"), "tab should complete the lesson id after :goto; screen: \(terminal.screenText)")
        terminal.typeAtPrompt(":goto 2 3\r")
        #expect(terminal.waitFor("What to do when a delivery is lost or late"))
        terminal.typeAtPrompt("What\t\r")
        #expect(terminal.waitFor("✓ Correct."), "tab should complete the choice's text; screen: \(terminal.screenText)")

        terminal.typeAtPrompt(":goto 1\r")
        #expect(terminal.waitFor("Lesson 1/", count: 2))
        #expect(terminal.waitForPrompt())

        terminal.typeAtPrompt("some text\u{03}")
        terminal.type(":help\r")
        #expect(terminal.waitFor("Commands (type them at any prompt):"))
        #expect(!terminal.screenText.contains("This step has no question"), "Ctrl-C should discard the line")
        #expect(terminal.screenText.contains("some text^C"))

        terminal.typeAtPrompt("for word in words:\r")
        #expect(terminal.waitFor("... "), "a line ending in ':' should ask for more")
        terminal.typeAtPrompt("    print(word)\r\r", prompt: "... ")
        #expect(terminal.waitFor("This step has no question"))

        terminal.typeAtPrompt("\u{04}")
        #expect(terminal.waitFor("Progress saved."))
        #expect(terminal.waitForExit() == 0)

        let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains(":lessons"))
        #expect(history.contains(":progress"))
    }

    @Test("history persists: a new session recalls the previous session's command with the up arrow")
    func persistentHistory() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100", "NO_COLOR": "1"])
        do {
            let first = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)
            #expect(first.waitFor("> "))
            first.typeAtPrompt(":progress\r")
            #expect(first.waitFor("lessons done."))
            first.typeAtPrompt(":quit\r")
            #expect(first.waitForExit() == 0)
            #expect(!first.rawTranscript.contains("\u{1B}[36m"), "NO_COLOR turns colour off")
        }
        let second = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)
        #expect(second.waitFor("> "))
        second.typeAtPrompt("\u{1B}[A\u{1B}[A\r")
        #expect(second.waitFor("lessons done."), "screen: \(second.screenText)")
        second.typeAtPrompt(":quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test("text is wrapped to the terminal's width")
    func wrapsToWidth() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100"])
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment, columns: 40)
        #expect(terminal.waitFor("(Enter to continue)"))
        terminal.typeAtPrompt(":quit\r")
        #expect(terminal.waitForExit() == 0)
        let lines = terminal.screenText.split(separator: "\n")
        #expect(lines.count > 10)
        let tooLong = lines.filter { $0.count > 40 }
        #expect(tooLong.isEmpty, "lines wider than 40 columns: \(tooLong)")
    }
}
