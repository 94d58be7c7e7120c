import Foundation

/// BERT-uncased WordPiece, as all-MiniLM-L6-v2 tokenises: the vocabulary ids of a text's pieces.
///
/// Basic tokenisation drops control characters, isolates CJK ideographs, lower-cases, strips
/// accents (NFD, then combining marks removed) and splits on whitespace and punctuation. Each
/// word then becomes its greedy longest-match vocabulary pieces (continuations are `##` pieces);
/// a word without a full cover, or longer than 100 characters, becomes `[UNK]`.
/// ASCII text takes a byte-level fast path; other text goes through Unicode normalisation.
public struct WordPieceTokenizer: Sendable {
    /// Words longer than this many characters become `[UNK]`, as in BERT.
    public static let maxWordCharacters = 100

    private let table: VocabularyTable
    private let longestPiece: Int
    /// The id of `[UNK]`.
    public let unknownID: Int32

    /// A tokenizer over `vocabulary`, where `vocabulary[i]` is the UTF-8 of the token with id `i`.
    /// Returns nil when the vocabulary has no `[UNK]` entry.
    public init?(vocabulary: [[UInt8]]) {
        guard let unknown = vocabulary.firstIndex(of: Array("[UNK]".utf8)) else { return nil }
        self.table = VocabularyTable(tokens: vocabulary)
        self.longestPiece = vocabulary.map(\.count).max() ?? 1
        self.unknownID = Int32(unknown)
    }

    /// The vocabulary ids of `text`, without `[CLS]` and `[SEP]`.
    public func ids(for text: String) -> [Int32] {
        var ids: [Int32] = []
        appendIDs(for: text, to: &ids)
        return ids
    }

    /// Appends the vocabulary ids of `text` to `ids` (no allocation beyond `ids` for ASCII text).
    public func appendIDs(for text: String, to ids: inout [Int32]) {
        var text = text
        let handled = text.withUTF8 { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return false }
            appendASCIIIDs(bytes, to: &ids)
            return true
        }
        if !handled {
            appendUnicodeIDs(text, to: &ids)
        }
    }

    private func appendASCIIIDs(_ bytes: UnsafeBufferPointer<UInt8>, to ids: inout [Int32]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { word in
            var length = 0
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    if length > 0 { appendPieces(of: UnsafeBufferPointer(rebasing: word[0..<length]), characters: length, to: &ids) }
                    length = 0
                case 0..<0x20, 0x7F:
                    continue
                default:
                    if CharacterClasses.isASCIIPunctuation(byte) {
                        if length > 0 { appendPieces(of: UnsafeBufferPointer(rebasing: word[0..<length]), characters: length, to: &ids) }
                        word[0] = byte
                        appendPieces(of: UnsafeBufferPointer(rebasing: word[0..<1]), characters: 1, to: &ids)
                        length = 0
                    } else {
                        word[length] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                        length += 1
                    }
                }
            }
            if length > 0 { appendPieces(of: UnsafeBufferPointer(rebasing: word[0..<length]), characters: length, to: &ids) }
        }
    }

    private func appendUnicodeIDs(_ text: String, to ids: inout [Int32]) {
        var chunk = String.UnicodeScalarView()
        func flushChunk() {
            if !chunk.isEmpty { appendNormalisedWords(of: String(chunk), to: &ids) }
            chunk = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if CharacterClasses.isDropped(scalar) { continue }
            if CharacterClasses.isWhitespace(scalar) {
                flushChunk()
            } else if CharacterClasses.isCJKIdeograph(scalar) {
                flushChunk()
                chunk.append(scalar)
                flushChunk()
            } else {
                chunk.append(scalar)
            }
        }
        flushChunk()
    }

    /// Lower-cases and strips accents from one whitespace-free chunk, then splits off punctuation.
    private func appendNormalisedWords(of chunk: String, to ids: inout [Int32]) {
        let decomposed = chunk.lowercased().decomposedStringWithCanonicalMapping
        var word: [UInt8] = []
        var characters = 0
        func flushWord() {
            if !word.isEmpty {
                word.withUnsafeBufferPointer { appendPieces(of: $0, characters: characters, to: &ids) }
            }
            word.removeAll(keepingCapacity: true)
            characters = 0
        }
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            if CharacterClasses.isPunctuation(scalar) {
                flushWord()
                word.append(contentsOf: String(scalar).utf8)
                characters = 1
                flushWord()
            } else {
                word.append(contentsOf: String(scalar).utf8)
                characters += 1
            }
        }
        flushWord()
    }

    /// Greedy longest-match pieces of one word. Shortening by bytes is safe for UTF-8: a cut
    /// inside a character is never a valid vocabulary entry, so only whole characters match.
    private func appendPieces(of word: UnsafeBufferPointer<UInt8>, characters: Int, to ids: inout [Int32]) {
        guard characters <= Self.maxWordCharacters else {
            ids.append(unknownID)
            return
        }
        let mark = ids.count
        var start = 0
        while start < word.count {
            var end = min(word.count, start + longestPiece)
            var found: Int32?
            while start < end {
                if let id = table.id(of: UnsafeBufferPointer(rebasing: word[start..<end]), continuation: start > 0) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            ids.append(id)
            start = end
        }
    }
}
