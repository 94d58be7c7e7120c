/// A hashable wrapper giving dict and set keys Python's equality: `1`, `1.0` and `True` are the
/// same key; tuples hash by content; host objects hash by identity.
/// Build it only through `HashKey.make`, which refuses unhashable values.
public struct HashKey: Hashable {
    public let value: PyValue

    init(unchecked value: PyValue) { self.value = value }

    /// The key for `value`, or nil when the value is unhashable (list, dict, set).
    public static func make(_ value: PyValue) -> HashKey? {
        isHashable(value) ? HashKey(unchecked: value) : nil
    }

    static func isHashable(_ value: PyValue) -> Bool {
        switch value {
        case .list, .dict, .set: return false
        case .tuple(let items): return items.allSatisfy(isHashable)
        default: return true
        }
    }

    public static func == (lhs: HashKey, rhs: HashKey) -> Bool {
        ValueEquality.plainEquals(lhs.value, rhs.value)
    }

    public func hash(into hasher: inout Hasher) {
        Self.feed(value, into: &hasher)
    }

    private static func feed(_ value: PyValue, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .int(let i): hasher.combine(i)
        case .float(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .str(let s): hasher.combine(s)
        case .tuple(let items):
            hasher.combine(items.count)
            for item in items { feed(item, into: &hasher) }
        case .object(let o):
            if let big = o as? PyBigInt { hasher.combine(big.value) } else { hasher.combine(ObjectIdentifier(o)) }
        case .list, .dict, .set: hasher.combine(-1)
        }
    }
}
