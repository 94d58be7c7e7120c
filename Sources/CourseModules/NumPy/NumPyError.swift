/// An error raised by array operations, with the Python exception class numpy would raise and its message.
public struct NumPyError: Error, Equatable, Sendable {
    /// Which Python exception this becomes.
    public enum Kind: String, Sendable {
        case value = "ValueError"
        case index = "IndexError"
        case type = "TypeError"
        case zeroDivision = "ZeroDivisionError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
