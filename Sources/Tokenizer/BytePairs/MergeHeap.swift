/// A binary min-heap of candidate merges, ordered by rank and then by position, so the
/// lowest-ranked pair comes first and ties go to the leftmost pair (tiktoken's order).
/// Entries whose parts have changed since they were pushed are left in and skipped on pop.
struct MergeHeap {
    struct Candidate {
        /// rank << 40 | start: one integer comparison orders by rank, then position.
        let key: UInt64
        /// Where the merged token would end; it no longer matches once either part has grown.
        let end: Int
        var start: Int { Int(key & 0xff_ffff_ffff) }
    }

    private var entries: [Candidate] = []

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func push(rank: Int, start: Int, end: Int) {
        entries.append(Candidate(key: UInt64(rank) << 40 | UInt64(start), end: end))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if entries[parent].key <= entries[child].key { break }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popMinimum() -> Candidate? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let minimum = entries[0]
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].key < entries[smallest].key { smallest = left }
            if right < entries.count, entries[right].key < entries[smallest].key { smallest = right }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return minimum
    }
}
