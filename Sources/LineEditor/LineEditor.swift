import Foundation

/// Reads entries from a person: through libedit when standard input and output are a terminal
/// (history, completion, Ctrl-C clears the line), as plain lines otherwise. An entry may span
/// several lines: while `continuationRule` says the text is unfinished, the editor asks for
/// more with `continuationPrompt`.
public final class LineEditor {
    /// Shown before the first line of an entry.
    public var prompt: String
    /// Shown before each further line of a multi-line entry.
    public var continuationPrompt: String
    /// Decides whether the entry typed so far needs another line.
    public var continuationRule: ContinuationRule
    /// Offers words for tab completion; nil offers none.
    public var completion: CompletionProvider? {
        get { source.completion }
        set { source.completion = newValue }
    }
    /// Whether libedit is in use (standard input and output are a terminal).
    public let isInteractive: Bool

    private let source: LineSource

    /// - Parameters:
    ///   - program: the name libedit uses for `~/.editrc` sections.
    ///   - historyFile: where history persists across runs (terminal use only); nil keeps none.
    ///   - forcePlain: read plain lines even on a terminal.
    public init(program: String = "embedlings", prompt: String = "> ", continuationPrompt: String = "... ",
                continuationRule: @escaping ContinuationRule = ContinuationRules.singleLine,
                completion: CompletionProvider? = nil, historyFile: URL? = nil, historySize: Int = 1000,
                forcePlain: Bool = false) {
        self.prompt = prompt
        self.continuationPrompt = continuationPrompt
        self.continuationRule = continuationRule
        if !forcePlain, TerminalInfo.isTerminal(0), TerminalInfo.isTerminal(1),
           let editLine = EditLineSource(program: program, historyFile: historyFile, historySize: historySize) {
            source = editLine
            isInteractive = true
        } else {
            source = PlainLineSource()
            isInteractive = false
        }
        source.completion = completion
    }

    /// Reads one entry. Each line of it is added to history.
    public func read() -> LineInput {
        var lines: [String] = []
        while true {
            let input = source.readLine(prompt: lines.isEmpty ? prompt : continuationPrompt)
            switch input {
            case .interrupted:
                return .interrupted
            case .endOfInput:
                return lines.isEmpty ? .endOfInput : .text(lines.joined(separator: "\n"))
            case .text(let line):
                source.remember(line)
                lines.append(line)
                let entry = lines.joined(separator: "\n")
                if !continuationRule(entry) { return .text(entry) }
            }
        }
    }
}
