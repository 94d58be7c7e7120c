import Testing
@testable import Tokenizer

@Suite("cl100k_base encoding")
struct EncodingBehaviourTests {
    let encoding: BPEEncoding

    init() throws {
        encoding = try BPEEncoding.cl100kBase()
    }

    @Test("has tiktoken's name and n_vocab")
    func nameAndVocabulary() {
        #expect(encoding.name == "cl100k_base")
        #expect(encoding.vocabularySize == 100277)
    }

    @Test("encodes known texts to the ids tiktoken gives", arguments: [
        ("hello world", [15339, 1917]),
        ("I'm here, don't worry!", [40, 2846, 1618, 11, 1541, 956, 11196, 0]),
        ("tiktoken is great!", [83, 1609, 5963, 374, 2294, 0]),
        ("  \n\n", [19124]),
        ("日本語", [9080, 22656, 45918, 252]),
        ("1234567", [4513, 10961, 22]),
        ("café", [936, 59958]),
        ("", []),
    ])
    func knownIds(text: String, ids: [Int]) {
        #expect(encoding.encode(text) == ids)
        #expect(encoding.count(text) == ids.count)
    }

    @Test("special-token text is encoded as ordinary text, like encode_ordinary")
    func specialTokenTextIsOrdinary() {
        #expect(encoding.encode("<|endoftext|>") == [27, 91, 8862, 728, 428, 91, 29])
    }

    @Test("an allowed special token becomes its id, and the text on either side is encoded on its own")
    func allowedSpecialTokens() {
        let text = "first document<|endoftext|>second <|fim_prefix|> document"
        let both = encoding.encode(text, allowedSpecial: ["<|endoftext|>", "<|fim_prefix|>"])
        #expect(both == encoding.encode("first document") + [100257] + encoding.encode("second ") + [100258] + encoding.encode(" document"))
        let one = encoding.encode(text, allowedSpecial: ["<|endoftext|>"])
        #expect(one == encoding.encode("first document") + [100257] + encoding.encode("second <|fim_prefix|> document"))
        #expect(encoding.encode(text, allowedSpecial: ["not a special token"]) == encoding.encode(text))
        #expect(encoding.encode("<|endoftext|><|endoftext|>", allowedSpecial: encoding.specialTokenTexts) == [100257, 100257])
    }

    @Test("the check before encoding finds the leftmost special-token text, or none")
    func firstSpecialTokenText() {
        let specials = encoding.specialTokenTexts
        #expect(specials.count == 5 && specials.contains("<|endofprompt|>"))
        #expect(encoding.firstOccurrence(in: "a <|fim_suffix|> b <|endoftext|>", of: specials) == "<|fim_suffix|>")
        #expect(encoding.firstOccurrence(in: "a <|fim_suffix|> b <|endoftext|>", of: ["<|endoftext|>"]) == "<|endoftext|>")
        #expect(encoding.firstOccurrence(in: "<|endoftext", of: specials) == nil)
        #expect(encoding.firstOccurrence(in: "anything", of: []) == nil)
        #expect(encoding.specialTokenID("<|endofprompt|>") == 100276 && encoding.specialTokenID("hello") == nil)
    }

    @Test("decoding gives back the text that was encoded")
    func roundTrip() throws {
        let text = "Embeddings map text to vectors 🧭 — «ça marche» \r\n\tdone."
        #expect(try encoding.decode(encoding.encode(text)) == text)
    }

    @Test("a special token's id decodes to its marker text")
    func specialTokensDecode() throws {
        #expect(try encoding.decode([100257, 5]) == "<|endoftext|>&")
        #expect(try encoding.decode([100276]) == "<|endofprompt|>")
    }

    @Test("half of a multi-byte character decodes to U+FFFD, while its bytes stay exact")
    func splitCharacterIsReplaced() throws {
        #expect(try encoding.decode([9468]) == "\u{FFFD}")
        #expect(try encoding.decodeBytes([9468]) == [0xF0, 0x9F])
    }

    @Test("an id that is no token is refused with tiktoken's message", arguments: [100256, 100261, 100277, -1, Int.max])
    func invalidTokenIsRefused(id: Int) {
        #expect(!encoding.isValidToken(id))
        #expect(throws: TokenizerError.invalidToken(id)) { try encoding.decode([15339, id]) }
        #expect(TokenizerError.invalidToken(id).description == "Invalid token for decoding: \(id)")
    }

    @Test("ordinary and special ids are valid tokens", arguments: [0, 255, 100255, 100257, 100260, 100276])
    func validTokens(id: Int) {
        #expect(encoding.isValidToken(id))
    }

    @Test("the embedding and chat models all use cl100k_base", arguments: [
        "text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002",
        "gpt-4", "gpt-4-0613", "gpt-3.5-turbo", "gpt-3.5-turbo-0125", "gpt-35-turbo", "ft:gpt-4:acme::x",
    ])
    func modelsUsingCl100k(model: String) throws {
        #expect(try BPEEncoding.forModel(model).name == "cl100k_base")
    }

    @Test("an unknown model is refused with tiktoken's message")
    func unknownModel() {
        #expect(throws: TokenizerError.unknownModel("text-embedding-4")) {
            try BPEEncoding.forModel("text-embedding-4")
        }
        #expect(TokenizerError.unknownModel("foo").description
            == "Could not automatically map foo to a tokeniser. Please use `tiktoken.get_encoding` to explicitly get the tokeniser you expect.")
    }

    @Test("a model whose encoding is not shipped says which encoding it needs")
    func modelWithAnotherEncoding() {
        #expect(throws: TokenizerError.encodingNotShipped(model: "gpt-4o", encoding: "o200k_base")) {
            try BPEEncoding.forModel("gpt-4o")
        }
        #expect(throws: TokenizerError.encodingNotShipped(model: "text-davinci-003", encoding: "p50k_base")) {
            try BPEEncoding.forModel("text-davinci-003")
        }
    }

    @Test("encodings are found by name, and an unknown name is refused")
    func encodingByName() throws {
        #expect(try BPEEncoding.named("cl100k_base").vocabularySize == 100277)
        #expect(throws: TokenizerError.unknownEncoding("o200k_base")) { try BPEEncoding.named("o200k_base") }
    }

    @Test("a string built from scalars encodes like the same literal")
    func rebuiltStringEncodes() {
        let scalars = "naïve 日本 ok".unicodeScalars
        let rebuilt = String(String.UnicodeScalarView(scalars))
        #expect(encoding.encode(rebuilt) == encoding.encode("naïve 日本 ok"))
    }
}
