/// A Python list: a mutable, shared array of values.
public final class PyList {
    public var items: [PyValue]
    public init(_ items: [PyValue] = []) { self.items = items }
}
