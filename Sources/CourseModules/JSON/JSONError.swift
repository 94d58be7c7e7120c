/// Errors of `json.dumps` / `json.loads`, with the Python exception class and CPython's message.
public struct JSONError: Error, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// `json.JSONDecodeError`, a subclass of ValueError.
        case decode = "JSONDecodeError"
        case value = "ValueError"
        case type = "TypeError"
    }

    public var kind: Kind
    public var message: String
    /// For decode errors: the message without position, and where it happened (as JSONDecodeError's msg, pos, lineno, colno).
    public var shortMessage: String
    public var position: Int
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
        self.shortMessage = message
        self.position = 0
        self.line = 0
        self.column = 0
    }

    static func decode(_ shortMessage: String, document: [Unicode.Scalar], position: Int) -> JSONError {
        let before = document[0..<min(position, document.count)]
        let line = before.filter { $0 == "\n" }.count + 1
        let lastNewline = before.lastIndex(of: "\n")
        let column = lastNewline.map { position - $0 } ?? position + 1
        var error = JSONError(.decode, "\(shortMessage): line \(line) column \(column) (char \(position))")
        error.shortMessage = shortMessage
        error.position = position
        error.line = line
        error.column = column
        return error
    }
}
