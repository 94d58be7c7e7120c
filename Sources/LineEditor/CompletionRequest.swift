/// What the completion provider is asked: the text before the cursor and the word being typed.
public struct CompletionRequest: Sendable, Equatable {
    /// Everything on the current line before the cursor.
    public let lineBeforeCursor: String
    /// The word immediately before the cursor (after the last space); may be empty.
    public let word: String

    public init(lineBeforeCursor: String) {
        self.lineBeforeCursor = lineBeforeCursor
        self.word = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }
}

/// Returns full words that could replace `request.word`; the editor keeps those starting with it.
public typealias CompletionProvider = @Sendable (CompletionRequest) -> [String]

/// Decides whether the text typed so far is an unfinished block that needs another line.
public typealias ContinuationRule = @Sendable (String) -> Bool
