/// A Python dict: insertion-ordered, keys compared with Python equality.
public final class PyDict {
    private var keys: [PyValue] = []
    private var values: [PyValue] = []
    private var index: [HashKey: Int] = [:]

    public init() {}

    /// Number of entries.
    public var count: Int { keys.count }

    /// Entries in insertion order.
    public var pairs: [(key: PyValue, value: PyValue)] {
        (0..<keys.count).map { (keys[$0], values[$0]) }
    }

    /// Keys in insertion order.
    public var orderedKeys: [PyValue] { keys }
    /// Values in insertion order.
    public var orderedValues: [PyValue] { values }

    /// The value for a hashable key.
    public func get(_ key: HashKey) -> PyValue? {
        guard let i = index[key] else { return nil }
        return values[i]
    }

    /// The value for a `str` key (a convenience for hosts).
    public func get(_ key: String) -> PyValue? { get(HashKey(unchecked: .str(key))) }

    /// Inserts or replaces (an existing key keeps its position and original key object).
    public func set(_ key: HashKey, _ value: PyValue) {
        if let i = index[key] {
            values[i] = value
        } else {
            index[key] = keys.count
            keys.append(key.value)
            values.append(value)
        }
    }

    /// Inserts for a key the caller knows is hashable (str, int, tuples of them).
    public func setUnchecked(_ key: PyValue, _ value: PyValue) { set(HashKey(unchecked: key), value) }

    /// Removes and returns the value for a key.
    @discardableResult
    public func remove(_ key: HashKey) -> PyValue? {
        guard let i = index[key] else { return nil }
        let value = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        index[key] = nil
        if i < keys.count {
            for j in i..<keys.count { index[HashKey(unchecked: keys[j])] = j }
        }
        return value
    }

    /// Removes every entry.
    public func removeAll() {
        keys.removeAll(); values.removeAll(); index.removeAll()
    }

    /// A shallow copy.
    public func copy() -> PyDict {
        let d = PyDict()
        d.keys = keys; d.values = values; d.index = index
        return d
    }
}
