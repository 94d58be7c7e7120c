/// Levenshtein distance, used to suggest what a person probably meant
/// (a misspelt YAML key, an unknown `:` command).
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions between two strings.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, and at least 1 edit allowed; a shared prefix also counts).
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        if let prefixed = candidates.first(where: { $0.hasPrefix(word) && !word.isEmpty }) { return prefixed }
        let scored = candidates.map { ($0, between(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, (word.count + 2) / 3) ? best.0 : nil
    }
}
