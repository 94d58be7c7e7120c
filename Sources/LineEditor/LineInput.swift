/// What one read from the line editor produced.
public enum LineInput: Sendable, Equatable {
    /// A complete entry: one line, or several joined by `\n` when a block was continued.
    case text(String)
    /// The learner pressed Ctrl-C: the current entry was discarded; ask again.
    case interrupted
    /// Input ended (Ctrl-D on an empty line, or the end of piped input).
    case endOfInput
}
