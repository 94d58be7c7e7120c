import CoursePython
import Foundation

/// The interactive prompt of `embedlings run`: `>>> ` for a new entry, `... ` while a block,
/// bracket or triple-quoted string is open; expression values are echoed as CPython's REPL does,
/// and tracebacks go to stderr without ending the session.
struct ScratchPrompt {
    let interpreter: Interpreter

    func loop() {
        interpreter.echoesExpressions = true
        StandardStreams.writeOut("Course Python scratch prompt. Modules: \(moduleList). Ctrl-D leaves.\n")
        while let entry = readEntry() {
            guard !entry.allSatisfy(\.isWhitespace) else { continue }
            let result = interpreter.run(entry, filename: "<stdin>", output: StandardStreams.writeOut)
            if let error = result.error { StandardStreams.writeError(error.traceback) }
        }
        StandardStreams.writeOut("\n")
    }

    private var moduleList: String {
        let names = RunCommand.modules(endpoint: nil).topLevelNames
        return names.isEmpty ? "only the builtins" : names.joined(separator: ", ")
    }

    /// Reads lines until they form a complete entry; nil at end of input.
    private func readEntry() -> String? {
        var lines: [String] = []
        while true {
            StandardStreams.writeOut(lines.isEmpty ? ">>> " : "... ")
            guard let line = readLine(strippingNewline: true) else {
                return lines.isEmpty ? nil : lines.joined(separator: "\n")
            }
            lines.append(line)
            let entry = lines.joined(separator: "\n")
            if !Interpreter.needsMoreInput(entry) { return entry }
        }
    }
}
