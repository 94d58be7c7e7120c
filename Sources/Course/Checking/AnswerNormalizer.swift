import Foundation

/// Puts free text into a canonical form so that grading is not needlessly literal:
/// case, surrounding and repeated spaces, and punctuation do not matter.
public enum AnswerNormalizer {
    /// Lowercases, drops apostrophes ("user's" = "users"), turns other punctuation (hyphens
    /// included) into spaces, keeps decimal points inside numbers ("0.5"), and collapses whitespace.
    public static func normalize(_ text: String) -> String {
        let characters = Array(text.lowercased())
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if character == ".", index > 0, index + 1 < characters.count,
                      characters[index - 1].isNumber, characters[index + 1].isNumber {
                result.append(character)
            } else {
                result.append(" ")
            }
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
