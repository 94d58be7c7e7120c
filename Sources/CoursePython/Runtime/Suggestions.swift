/// "Did you mean" candidates, ranked like CPython 3.11: edit distance where a case change
/// costs 1 and other edits cost 2, accepted when within a sixth of the two names' combined length (plus slack).
enum Suggestions {
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name)
        guard target.count <= 40, candidates.count <= 750 else { return nil }
        var best: String?
        var bestCost = Int.max
        for candidate in candidates where candidate != name {
            let limit = (target.count + candidate.count + 3) * 2 / 6
            let cost = distance(target, Array(candidate), limit: limit)
            if cost <= limit && cost < bestCost {
                best = candidate
                bestCost = cost
            }
        }
        return best
    }

    private static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count * 2 }
        if b.isEmpty { return a.count * 2 }
        if abs(a.count - b.count) * 2 > limit { return Int.max }
        var previous = Array(stride(from: 0, through: b.count * 2, by: 2))
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i * 2
            for j in 1...b.count {
                let substitution: Int
                if a[i - 1] == b[j - 1] {
                    substitution = 0
                } else if a[i - 1].lowercased() == b[j - 1].lowercased() {
                    substitution = 1
                } else {
                    substitution = 2
                }
                current[j] = min(previous[j - 1] + substitution, previous[j] + 2, current[j - 1] + 2)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
