/// An error of the math module, with CPython's exception class and message.
public struct MathError: Error, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case value = "ValueError"
        case overflow = "OverflowError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static let domain = MathError(.value, "math domain error")
    static let range = MathError(.overflow, "math range error")
}
