import Foundation

/// Reads which choices a learner picked: numbers (`1,3`, `1 3`), letters (`a c`), or the
/// text of a choice, in any order.
public enum ChoiceSelection {
    /// `a`, `b`, `c`, … and `1`, `2`, `3`, … for `count` choices, as offered on tab completion.
    public static func labels(count: Int) -> [String] {
        (0..<count).map { String($0 + 1) } + (0..<min(count, 26)).map { letter(for: $0) }
    }

    /// The letter shown beside choice `index` (0-based).
    public static func letter(for index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
    }

    /// The 0-based indices of the choices named in `input`, or a message saying what to type.
    public static func parse(_ input: String, choices: [String]) -> Result<[Int], SelectionError> {
        let normalizedInput = AnswerNormalizer.normalize(input)
        if normalizedInput.isEmpty {
            return .failure(SelectionError(message: "Type the number or letter of a choice."))
        }
        if let whole = choices.firstIndex(where: { AnswerNormalizer.normalize($0) == normalizedInput }) {
            return .success([whole])
        }
        let tokens = input.split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
        var picked: [Int] = []
        for token in tokens {
            guard let index = index(of: token, count: choices.count) else {
                return .failure(SelectionError(
                    message: "“\(token)” is not one of the choices: type a number 1–\(choices.count) or a letter a–\(letter(for: choices.count - 1))."))
            }
            if !picked.contains(index) { picked.append(index) }
        }
        return .success(picked)
    }

    private static func index(of token: String, count: Int) -> Int? {
        let cleaned = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ").:"))
        if let number = Int(cleaned), number >= 1, number <= count { return number - 1 }
        if cleaned.count == 1, let scalar = cleaned.unicodeScalars.first,
           scalar.value >= UInt32(UInt8(ascii: "a")),
           Int(scalar.value) - Int(UInt8(ascii: "a")) < count {
            return Int(scalar.value) - Int(UInt8(ascii: "a"))
        }
        return nil
    }
}

/// Input that does not name choices; `message` tells the learner what to type instead.
public struct SelectionError: Error, Equatable, Sendable {
    public let message: String
}
