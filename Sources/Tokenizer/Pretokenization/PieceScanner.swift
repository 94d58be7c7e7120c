/// Splits UTF-8 text into the pieces that cl100k_base's pre-tokenisation pattern matches,
/// without a regex engine. The pattern, as tiktoken 0.7+ writes it, is
///
///     '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s
///
/// Alternatives are tried in order at each position and the first that matches wins; every
/// position matches some alternative, so the pieces tile the text. `pieceEnd(from:)` decides
/// each alternative directly over Unicode scalars decoded from the UTF-8 bytes.
struct PieceScanner {
    private let text: UnsafeBufferPointer<UInt8>
    private let end: Int

    /// `text` must be well-formed UTF-8 (any Swift `String`'s bytes are).
    init(utf8 text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.end = text.count
    }

    /// The byte offset just after the piece that starts at `start` (which must be < count).
    func pieceEnd(from start: Int) -> Int {
        let (first, afterFirst) = scalar(at: start)
        let firstClass = CharacterClass.of(first)

        // '(?i:[sdmt]|ll|ve|re)
        if first == 0x27, let contractionEnd = contractionEnd(after: afterFirst) {
            return contractionEnd
        }
        // [^\r\n\p{L}\p{N}]?+\p{L}++
        if firstClass.contains(.letter) {
            return runEnd(from: afterFirst, while: { $0.contains(.letter) })
        }
        if !firstClass.contains(.number), !firstClass.contains(.lineBreak), afterFirst < end {
            let (second, afterSecond) = scalar(at: afterFirst)
            if CharacterClass.of(second).contains(.letter) {
                return runEnd(from: afterSecond, while: { $0.contains(.letter) })
            }
        }
        // \p{N}{1,3}+
        if firstClass.contains(.number) {
            var position = afterFirst
            for _ in 0..<2 where position < end {
                let (next, afterNext) = scalar(at: position)
                guard CharacterClass.of(next).contains(.number) else { break }
                position = afterNext
            }
            return position
        }
        // ' ?[^\s\p{L}\p{N}]++[\r\n]*+'
        if firstClass.isOther {
            return symbolRunEnd(from: afterFirst)
        }
        if first == 0x20, afterFirst < end {
            let (second, afterSecond) = scalar(at: afterFirst)
            if CharacterClass.of(second).isOther { return symbolRunEnd(from: afterSecond) }
        }
        return whitespacePieceEnd(start: start, afterFirst: afterFirst)
    }

    /// `\s++$|\s*[\r\n]|\s+(?!\S)|\s` at a whitespace scalar.
    private func whitespacePieceEnd(start: Int, afterFirst: Int) -> Int {
        var lastLineBreakEnd = CharacterClass.of(scalar(at: start).value).contains(.lineBreak) ? afterFirst : -1
        var lastScalarStart = start
        var position = afterFirst
        while position < end {
            let (next, afterNext) = scalar(at: position)
            let nextClass = CharacterClass.of(next)
            guard nextClass.contains(.whitespace) else { break }
            if nextClass.contains(.lineBreak) { lastLineBreakEnd = afterNext }
            lastScalarStart = position
            position = afterNext
        }
        if position == end { return end }                      // \s++$
        if lastLineBreakEnd >= 0 { return lastLineBreakEnd }   // \s*[\r\n]
        if lastScalarStart > start { return lastScalarStart }  // \s+(?!\S)
        return afterFirst                                      // \s
    }

    /// After an apostrophe: the end of s, d, m, t, ll, ve or re in any case, if one follows.
    private func contractionEnd(after position: Int) -> Int? {
        guard position < end else { return nil }
        let (first, afterFirst) = scalar(at: position)
        switch first {
        // 's' also matches U+017F LATIN SMALL LETTER LONG S under Unicode case folding.
        case 0x73, 0x53, 0x17F, 0x64, 0x44, 0x6D, 0x4D, 0x74, 0x54:
            return afterFirst
        case 0x6C, 0x4C:
            return followedBy(0x6C, 0x4C, at: afterFirst)
        case 0x76, 0x56, 0x72, 0x52:
            return followedBy(0x65, 0x45, at: afterFirst)
        default:
            return nil
        }
    }

    private func followedBy(_ lower: UInt8, _ upper: UInt8, at position: Int) -> Int? {
        guard position < end, text[position] == lower || text[position] == upper else { return nil }
        return position + 1
    }

    /// `[^\s\p{L}\p{N}]*[\r\n]*` from `position`, possessively.
    private func symbolRunEnd(from position: Int) -> Int {
        let afterSymbols = runEnd(from: position, while: { $0.isOther })
        var position = afterSymbols
        while position < end, text[position] == 0x0D || text[position] == 0x0A { position += 1 }
        return position
    }

    @inline(__always)
    private func runEnd(from start: Int, while belongs: (CharacterClass) -> Bool) -> Int {
        var position = start
        while position < end {
            let (next, afterNext) = scalar(at: position)
            guard belongs(CharacterClass.of(next)) else { break }
            position = afterNext
        }
        return position
    }

    /// The scalar value starting at `position` and the offset just after it.
    @inline(__always)
    private func scalar(at position: Int) -> (value: UInt32, next: Int) {
        let lead = UInt32(text[position])
        if lead < 0x80 { return (lead, position + 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(text[position + 1] & 0x3F), position + 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(text[position + 1] & 0x3F) << 6
                    | UInt32(text[position + 2] & 0x3F), position + 3)
        }
        return ((lead & 0x07) << 18 | UInt32(text[position + 1] & 0x3F) << 12
                | UInt32(text[position + 2] & 0x3F) << 6 | UInt32(text[position + 3] & 0x3F), position + 4)
    }
}
