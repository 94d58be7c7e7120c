/// Everything that can go wrong when loading an encoding, choosing one for a model, or decoding.
///
/// Each case's `description` is the sentence shown to a learner; where tiktoken has a message
/// for the same situation, the text is tiktoken's, so course answers match the real library.
public enum TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The ranks file is not among the package's resources (a broken installation).
    case ranksFileMissing(fileName: String)
    /// The ranks file could not be read from disk.
    case ranksFileUnreadable(path: String, reason: String)
    /// The ranks file's SHA-256 differs from the published one: it is damaged or a different file.
    case ranksFileChecksumMismatch(expected: String, actual: String)
    /// A line of the ranks file is not `base64-bytes rank`, or ranks are not 0, 1, 2… in order.
    case ranksFileMalformed(line: Int, reason: String)
    /// tiktoken knows no encoding for this model name.
    case unknownModel(String)
    /// tiktoken knows the model, but it uses an encoding this program does not ship.
    case encodingNotShipped(model: String, encoding: String)
    /// No encoding has this name.
    case unknownEncoding(String)
    /// A token id that is neither an ordinary nor a special token of the encoding.
    case invalidToken(Int)

    public var description: String {
        switch self {
        case .ranksFileMissing(let fileName):
            return "The tokenizer's ranks file \(fileName) is missing from the installed resources; reinstall embedlings."
        case .ranksFileUnreadable(let path, let reason):
            return "Could not read the tokenizer's ranks file at \(path): \(reason)"
        case .ranksFileChecksumMismatch(let expected, let actual):
            return "The tokenizer's ranks file is damaged: its SHA-256 is \(actual), expected \(expected); reinstall embedlings."
        case .ranksFileMalformed(let line, let reason):
            return "The tokenizer's ranks file is malformed at line \(line): \(reason)"
        case .unknownModel(let model):
            return "Could not automatically map \(model) to a tokeniser. Please use `tiktoken.get_encoding` to explicitly get the tokeniser you expect."
        case .encodingNotShipped(let model, let encoding):
            return "\(model) uses the \(encoding) encoding, which is not available offline; only cl100k_base is (used by the embedding models, gpt-4 and gpt-3.5-turbo)."
        case .unknownEncoding(let name):
            return "Unknown encoding \(name). The available encoding is cl100k_base."
        case .invalidToken(let id):
            return "Invalid token for decoding: \(id)"
        }
    }
}
