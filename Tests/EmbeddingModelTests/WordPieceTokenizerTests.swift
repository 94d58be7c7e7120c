import Testing
@testable import EmbeddingModel

@Suite("WordPiece tokenizer: BERT-uncased pieces")
struct WordPieceTokenizerTests {
    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try SemanticEmbedder.shared().tokenizer
    }

    @Test("case and accents do not matter: 'Crème Brûlée' reads as 'creme brulee'")
    func caseAndAccents() {
        #expect(tokenizer.ids(for: "Crème Brûlée") == tokenizer.ids(for: "creme brulee"))
        #expect(tokenizer.ids(for: "HELLO World") == tokenizer.ids(for: "hello world"))
    }

    @Test("punctuation is split off as pieces of its own, whitespace is not a piece")
    func punctuation() {
        let joined = tokenizer.ids(for: "hello,world!")
        let spaced = tokenizer.ids(for: "  hello ,\tworld\n! ")
        #expect(joined == spaced)
        #expect(joined.count == 4)
    }

    @Test("a rare word is covered by several pieces, a word over 100 characters is one [UNK]")
    func piecesAndUnknown() {
        #expect(tokenizer.ids(for: "antidisestablishmentarianism").count > 1)
        #expect(tokenizer.ids(for: String(repeating: "a", count: 101)) == [tokenizer.unknownID])
        #expect(!tokenizer.ids(for: String(repeating: "a", count: 100)).contains(tokenizer.unknownID))
    }

    @Test("control characters vanish, CJK ideographs become one piece each")
    func controlAndCJK() {
        #expect(tokenizer.ids(for: "ab\u{01}c") == tokenizer.ids(for: "abc"))
        #expect(tokenizer.ids(for: "東京").count == 2)
        #expect(tokenizer.ids(for: "東京") == tokenizer.ids(for: "東 京"))
    }

    @Test("the ASCII fast path and the Unicode path agree on ASCII words")
    func fastPathAgrees() {
        #expect(tokenizer.ids(for: "naïve parser, v2.0") == tokenizer.ids(for: "naive parser, v2.0"))
    }
}
