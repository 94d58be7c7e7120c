import Foundation

/// A short free-text answer: right when it equals an accepted answer or matches a pattern,
/// after both are normalised (case, spacing and punctuation do not matter).
public struct TextAnswer: Sendable {
    /// Accepted answers, as written in the lesson.
    public let accepted: [String]
    /// Regular expressions matched (case-insensitively) against the whole normalised answer.
    public let patterns: [String]

    public init(accepted: [String], patterns: [String]) {
        self.accepted = accepted
        self.patterns = patterns
    }

    /// Feedback is keyed by wrong answers, compared after normalisation.
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        let answer = AnswerNormalizer.normalize(input)
        if answer.isEmpty { return .unreadable("Type an answer, or :hint for a hint.") }
        if accepted.contains(where: { AnswerNormalizer.normalize($0) == answer }) { return .correct }
        if patterns.contains(where: { Self.matches(pattern: $0, answer) }) { return .correct }
        let specific = feedback.first { AnswerNormalizer.normalize($0.key) == answer }?.value
        return .incorrect(feedback: specific)
    }

    /// Whether `pattern` is a regular expression this checker can use; the loader reports those it cannot.
    public static func isValidPattern(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil
    }

    private static func matches(pattern: String, _ answer: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive]) else {
            return false
        }
        let range = NSRange(answer.startIndex..., in: answer)
        return expression.firstMatch(in: answer, range: range) != nil
    }
}
