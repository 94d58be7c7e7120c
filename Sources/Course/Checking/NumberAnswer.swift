/// A numeric answer, right within a tolerance. Thousands separators (`1,536`, `1 536`, `1_536`) are accepted.
public struct NumberAnswer: Sendable {
    /// The right value.
    public let value: Double
    /// How far from `value` an answer may be and still count (inclusive).
    public let tolerance: Double

    public init(value: Double, tolerance: Double) {
        self.value = value
        self.tolerance = tolerance
    }

    /// Feedback is keyed by wrong numbers (matched within the same tolerance).
    public func check(_ input: String, feedback: [String: String]) -> AnswerVerdict {
        guard let number = Self.parse(input) else {
            return .unreadable("Type a number, such as 42 or 0.5.")
        }
        if abs(number - value) <= tolerance { return .correct }
        let specific = feedback.first { key, _ in
            Self.parse(key).map { abs($0 - number) <= tolerance } ?? false
        }?.value
        if let specific { return .incorrect(feedback: specific) }
        return .incorrect(feedback: number < value ? "Too low." : "Too high.")
    }

    /// Reads a number as a person types it; nil when it is not one.
    public static func parse(_ text: String) -> Double? {
        var cleaned = text.filter { $0 != "," && $0 != "_" && !$0.isWhitespace }
        if cleaned.hasSuffix("%"), let percent = Double(cleaned.dropLast()) { return percent / 100 }
        if cleaned.hasPrefix("+") { cleaned.removeFirst() }
        guard let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }
}
