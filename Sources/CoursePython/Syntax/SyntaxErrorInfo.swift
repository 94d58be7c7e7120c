/// A syntax error found while reading source: CPython's message and where to put the caret.
struct SyntaxErrorInfo: Error, Equatable {
    var message: String
    var line: Int
    /// 0-based column of the caret start, and its width (CPython 3.11 draws several carets for
    /// some errors; one is the common case).
    var column: Int
    var width: Int = 1
    var isIndentation = false
    /// CPython prints no caret for some errors ("unexpected indent").
    var showsCaret = true
}
