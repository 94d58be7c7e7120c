/// The character classes cl100k_base's pattern tests: `\p{L}` (general category Letter),
/// `\p{N}` (general category Number), `\s` (the Unicode White_Space property) and `[\r\n]`.
/// These are the definitions of the regex engine tiktoken uses (Rust's regex/fancy-regex).
struct CharacterClass: OptionSet {
    let rawValue: UInt8

    static let letter = CharacterClass(rawValue: 1)
    static let number = CharacterClass(rawValue: 2)
    static let whitespace = CharacterClass(rawValue: 4)
    /// Carriage return or line feed (also whitespace).
    static let lineBreak = CharacterClass(rawValue: 8)

    /// Neither letter, number nor whitespace: punctuation, symbols, marks, controls…
    var isOther: Bool { rawValue == 0 }

    /// Precomputed classes of the ASCII range, the common case.
    private static let asciiClasses: [CharacterClass] = (0..<128).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        return classify(scalar)
    }

    @inline(__always)
    static func of(_ value: UInt32) -> CharacterClass {
        if value < 128 { return asciiClasses[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return classify(scalar)
    }

    private static func classify(_ scalar: Unicode.Scalar) -> CharacterClass {
        let properties = scalar.properties
        if properties.isWhitespace {
            return scalar == "\r" || scalar == "\n" ? [.whitespace, .lineBreak] : .whitespace
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        default:
            return []
        }
    }
}
