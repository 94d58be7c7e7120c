import CoursePython
import Foundation
import LineEditor

/// The interactive prompt of `embedlings run`: `>>> ` for a new entry, `... ` while a block,
/// bracket or triple-quoted string is open; Tab completes names and attributes
/// (`client.emb<TAB>`); expression values are echoed as CPython's REPL does, and tracebacks go
/// to stderr without ending the session.
struct ScratchPrompt {
    let interpreter: Interpreter
    let moduleNames: [String]

    func loop() {
        interpreter.echoesExpressions = true
        let completer = Completer(interpreter: interpreter)
        let editor = LineEditor(prompt: ">>> ", continuationPrompt: "... ",
                                continuationRule: { Interpreter.needsMoreInput($0) },
                                completion: { completer.complete($0) })
        if editor.isInteractive {
            // Ctrl-C clears the line while editing and never ends the session; while an entry
            // runs, InterruptKey lets it stop that entry instead. Ctrl-D leaves.
            signal(SIGINT, SIG_IGN)
        }
        let modules = moduleNames.isEmpty ? "only the builtins" : moduleNames.joined(separator: ", ")
        StandardStreams.writeOut("Course Python scratch prompt. Modules: \(modules). Ctrl-D leaves.\n")
        reading: while true {
            switch editor.read() {
            case .text(let entry):
                guard !entry.allSatisfy(\.isWhitespace) else { continue }
                let (result, interrupted) = InterruptKey.stopsRuns {
                    interpreter.run(entry, filename: "<stdin>", output: StandardStreams.writeOut)
                }
                if interrupted {
                    StandardStreams.writeError("\n" + StoppedRun.message + "\n")
                } else if let error = result.error {
                    StandardStreams.writeError(error.traceback)
                }
            case .interrupted:
                continue
            case .endOfInput:
                break reading
            }
        }
        StandardStreams.writeOut("\n")
    }
}

/// Offers completions from the interpreter's namespace. libedit asks only while the prompt
/// waits for input, when no program is running, so the interpreter is never used concurrently.
private final class Completer: @unchecked Sendable {
    let interpreter: Interpreter
    init(interpreter: Interpreter) { self.interpreter = interpreter }

    func complete(_ request: CompletionRequest) -> [String] {
        interpreter.completions(for: request.word)
    }
}
