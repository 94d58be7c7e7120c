/// A real API key. It prints, dumps and reflects as `APIKey(redacted)`, so that no log,
/// error, traceback or test failure can show it; only the transport reads `secret`, at send time.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "APIKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
