/// A Python set: insertion-ordered here (CPython's order is unspecified, so programs whose
/// output depends on set order are not portable anyway; sorted() is what they should use).
public final class PySet {
    public private(set) var elements: [PyValue] = []
    private var index: [HashKey: Int] = [:]

    public init() {}

    public var count: Int { elements.count }

    public func contains(_ key: HashKey) -> Bool { index[key] != nil }

    public func insert(_ key: HashKey) {
        guard index[key] == nil else { return }
        index[key] = elements.count
        elements.append(key.value)
    }

    @discardableResult
    public func remove(_ key: HashKey) -> Bool {
        guard let i = index[key] else { return false }
        elements.remove(at: i)
        index[key] = nil
        if i < elements.count {
            for j in i..<elements.count { index[HashKey(unchecked: elements[j])] = j }
        }
        return true
    }

    public func copy() -> PySet {
        let s = PySet()
        s.elements = elements; s.index = index
        return s
    }
}
