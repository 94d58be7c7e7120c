import Foundation
import Testing

/// `embedlings run`: files, exit codes, and the scratch prompt.
@Suite("Running course Python from the command line")
struct RunCommandTests {
    @Test("a file that runs prints its output and exits 0")
    func fileRuns() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("ok.py")
        try "values = [3, 1, 2]\nprint(sorted(values), f'{sum(values) / len(values):.2f}')\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try EmbedlingsProcess.run(["run", file.path], home: home)
        #expect(result.status == 0)
        #expect(result.stdout == "[1, 2, 3] 2.00\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("an uncaught exception exits 1 with the traceback on stderr, after the output so far")
    func fileFails() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("fails.py")
        try "response = {'data': []}\nprint('before')\nprint(respose)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try EmbedlingsProcess.run(["run", file.path], home: home)
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        #expect(result.stderr == """
            Traceback (most recent call last):
              File "\(file.path)", line 3, in <module>
                print(respose)
                      ^^^^^^^
            NameError: name 'respose' is not defined. Did you mean: 'response'?

            """)
    }

    @Test("a missing file is an input error: exit 2 and one line on stderr")
    func missingFile() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try EmbedlingsProcess.run(["run", home.appendingPathComponent("nope.py").path], home: home)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("embedlings: cannot read "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("the scratch prompt runs piped entries, continues blocks, echoes values and survives errors")
    func scratchPromptPiped() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = "x = 21\nx * 2\nfor i in range(2):\n    print(i)\n\n1 / 0\nprint('still here')\n"
        let result = try EmbedlingsProcess.run(["run"], input: input, home: home)
        #expect(result.status == 0)
        #expect(result.stdout.contains("42\n"))
        #expect(result.stdout.contains("0\n1\n"))
        #expect(result.stdout.contains("still here\n"))
        #expect(result.stderr.contains("ZeroDivisionError: division by zero"))
    }

    @Test("on a terminal, Tab completes attributes and ... continues a block")
    func scratchPromptOnTerminal() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = EmbedlingsProcess.environment(home: home, extra: ["TERM": "vt100"])
        let terminal = try PseudoTerminal(executable: EmbedlingsProcess.executable, arguments: ["run"], environment: environment)
        #expect(terminal.waitFor(">>> "), "no prompt; screen: \(terminal.screenText)")
        terminal.typeAtPrompt("greeting = 'hello'\r")
        #expect(terminal.waitFor(">>> ", count: 2))
        terminal.typeAtPrompt("greeting.upp\t()\r")
        #expect(terminal.waitFor("'HELLO'"), "Tab should complete greeting.upp to greeting.upper; screen: \(terminal.screenText)")
        terminal.typeAtPrompt("if True:\r")
        #expect(terminal.waitFor("... "), "a block should ask for more; screen: \(terminal.screenText)")
        terminal.type("    print('inside')\r\r")
        #expect(terminal.waitFor("inside"), "screen: \(terminal.screenText)")
        terminal.type("\u{04}")
    }
}
