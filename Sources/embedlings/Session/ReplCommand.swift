import Course
import EmbeddingsAPI

/// A `:` command typed at the session prompt.
enum ReplCommand: Equatable {
    case help
    case hint
    case skip
    case back
    case next
    case lessons
    case progress
    case goto(lesson: String, step: String?)
    case quit
    case check
    case code
    case edit
    case reset
    case solution
    /// `:endpoint` alone shows where exercise code goes; with a value it switches there.
    case endpoint(Endpoint?)

    /// Every command name with a one-line description, in the order `:help` lists them.
    static let descriptions: [(name: String, usage: String, help: String)] = [
        ("help", ":help", "show these commands"),
        ("hint", ":hint", "show the next hint for this question"),
        ("skip", ":skip", "leave this step unfinished and go on"),
        ("back", ":back", "go to the previous step"),
        ("next", ":next", "go to the next step (questions must be answered or skipped first)"),
        ("lessons", ":lessons", "list the lessons"),
        ("progress", ":progress", "summarise your progress"),
        ("goto", ":goto LESSON [STEP]", "jump to a lesson (id or number) and optionally a step number"),
        ("quit", ":quit", "leave; your progress is saved (Ctrl-D does the same)"),
        ("check", ":check", "exercises: say what is still missing in your code"),
        ("code", ":code", "exercises: show the code you have entered"),
        ("edit", ":edit", "exercises: write the code in $EDITOR, then run it"),
        ("reset", ":reset", "exercises: start the exercise again from a clean slate"),
        ("solution", ":solution", "exercises: show the solution (after a :check)"),
        ("endpoint", ":endpoint [fake|openai|URL]", "show where exercise code sends embeddings requests, or switch for this session"),
    ]

    static var names: [String] { descriptions.map(\.name) }

    /// Reads a line starting with `:`; the error says what went wrong and suggests the nearest command.
    static func parse(_ line: String) -> Result<ReplCommand, ReplCommandError> {
        let words = line.dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first?.lowercased() else {
            return .failure(ReplCommandError(message: "Type a command after `:`, for example :help."))
        }
        let arguments = Array(words.dropFirst())
        switch name {
        case "help", "h", "?": return .success(.help)
        case "hint": return .success(.hint)
        case "skip": return .success(.skip)
        case "back", "prev": return .success(.back)
        case "next": return .success(.next)
        case "lessons": return .success(.lessons)
        case "progress": return .success(.progress)
        case "quit", "q", "exit": return .success(.quit)
        case "check": return .success(.check)
        case "code": return .success(.code)
        case "edit": return .success(.edit)
        case "reset": return .success(.reset)
        case "solution": return .success(.solution)
        case "endpoint":
            return parseEndpoint(arguments)
        case "goto":
            guard let lesson = arguments.first, arguments.count <= 2 else {
                return .failure(ReplCommandError(message: "Usage: :goto LESSON [STEP], for example :goto 2 or :goto what-are-embeddings 3."))
            }
            return .success(.goto(lesson: lesson, step: arguments.dropFirst().first))
        default:
            if let nearest = EditDistance.nearest(to: name, among: names) {
                return .failure(ReplCommandError(message: "Unknown command :\(name). Did you mean :\(nearest)? (:help lists them all)"))
            }
            return .failure(ReplCommandError(message: "Unknown command :\(name). Type :help to see the commands."))
        }
    }

    /// `:endpoint [VALUE]`, read by the same parser as `--endpoint`, with its message for a bad value.
    private static func parseEndpoint(_ arguments: [String]) -> Result<ReplCommand, ReplCommandError> {
        guard arguments.count <= 1 else {
            return .failure(ReplCommandError(message: "Usage: :endpoint [fake|openai|URL], for example :endpoint http://127.0.0.1:8080/v1."))
        }
        guard let value = arguments.first else { return .success(.endpoint(nil)) }
        do {
            return .success(.endpoint(try Endpoint(parsing: value)))
        } catch {
            let message = error.description.prefix(1).uppercased() + error.description.dropFirst()
            return .failure(ReplCommandError(message: "\(message). The endpoint is unchanged (:endpoint shows it)."))
        }
    }
}

/// A `:` line that is not a command; the message is shown to the learner.
struct ReplCommandError: Error, Equatable {
    let message: String
}
