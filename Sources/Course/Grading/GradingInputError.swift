/// Why a grading request cannot start: a usage or input error (exit status 2).
public enum GradingInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownExercise(String, known: [String])
    case missingFile(String)
    case notAFolder(String)
    case noSubmissions(String)

    public var description: String {
        switch self {
        case .unknownExercise(let id, let known):
            let suggestion = known.min { editDistance($0, id) < editDistance($1, id) }
                .map { editDistance($0, id) <= max(2, id.count / 3) ? " Did you mean `\($0)`?" : "" } ?? ""
            return "There is no exercise `\(id)`.\(suggestion) Exercises: \(known.joined(separator: ", "))."
        case .missingFile(let path):
            return "Cannot read \(path): no such file."
        case .notAFolder(let path):
            return "\(path) is not a folder of learner folders; give files with `--exercise ID FILE…` instead."
        case .noSubmissions(let path):
            return "No submissions in \(path): expected one folder per learner holding files named <exercise-id>.py."
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
