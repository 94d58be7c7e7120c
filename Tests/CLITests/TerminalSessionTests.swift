import Foundation
import Testing

/// The libedit path: the binary on a pseudo-terminal, typed at like a person would.
@Suite("Running the course on a terminal")
struct TerminalSessionTests {
    @Test("on a terminal: colour, history recall with the up arrow, tab completion, Ctrl-C, continuation lines, Ctrl-D")
    func lineEditing() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100"])
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)

        #expect(terminal.waitFor("> "), "no prompt; screen: \(terminal.screenText)")
        #expect(terminal.rawTranscript.contains("\u{1B}[36mLesson 1/"), "the header is coloured on a terminal")

        terminal.type(":lessons\r")
        #expect(terminal.waitFor("1. what-are-embeddings"))
        terminal.type("\u{1B}[A\r")
        #expect(terminal.waitFor("1. what-are-embeddings", count: 2), "up arrow should recall :lessons; screen: \(terminal.screenText)")

        terminal.type(":prog\t\r")
        #expect(terminal.waitFor("lessons done."), "tab should complete :prog to :progress; screen: \(terminal.screenText)")

        terminal.type("some text\u{03}")
        terminal.type(":help\r")
        #expect(terminal.waitFor("Commands (type them at any prompt):"))
        #expect(!terminal.screenText.contains("This step has no question"), "Ctrl-C should discard the line")

        terminal.type("for word in words:\r")
        #expect(terminal.waitFor("... "), "a line ending in ':' should ask for more")
        terminal.type("    print(word)\r\r")
        #expect(terminal.waitFor("This step has no question"))

        terminal.type("\u{04}")
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
            first.type(":progress\r")
            #expect(first.waitFor("lessons done."))
            first.type(":quit\r")
            #expect(first.waitForExit() == 0)
            #expect(!first.rawTranscript.contains("\u{1B}[36m"), "NO_COLOR turns colour off")
        }
        let second = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: [], environment: environment)
        #expect(second.waitFor("> "))
        second.type("\u{1B}[A\u{1B}[A\r")
        #expect(second.waitFor("lessons done."), "screen: \(second.screenText)")
        second.type(":quit\r")
        #expect(second.waitForExit() == 0)
    }
}
