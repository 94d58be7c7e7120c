import Foundation
import ResourceBundles

/// A byte-pair encoding that turns text into OpenAI token ids and back, with the same ids as
/// tiktoken. Only `cl100k_base` ships (the encoding of the embedding models, gpt-4 and
/// gpt-3.5-turbo). A value is cheap to copy and safe to share between threads.
public struct BPEEncoding: Sendable {
    /// The encoding's name, as tiktoken spells it: "cl100k_base".
    public let name: String
    /// tiktoken's `n_vocab`: one more than the largest token id, special tokens included (100277).
    public let vocabularySize: Int

    private let ranks: RankTable
    /// The special tokens' ids and texts, as bytes (read by BPEEncoding+SpecialTokens.swift).
    let specialTokens: [Int: [UInt8]]

    /// The published SHA-256 of cl100k_base.tiktoken (the hash tiktoken itself checks).
    static let cl100kBaseSHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"

    /// Loaded on first use, once per process; later calls return the same tables.
    private static let cachedCl100kBase = Result { () throws(TokenizerError) -> BPEEncoding in
        try loadBundledCl100kBase()
    }

    /// cl100k_base, read from the bundled ranks file the first time it is asked for (tens of
    /// milliseconds), its SHA-256 checked, then kept for the life of the process.
    public static func cl100kBase() throws(TokenizerError) -> BPEEncoding {
        try cachedCl100kBase.get()
    }

    /// The encoding tiktoken's `encoding_for_model` gives `model`: cl100k_base for
    /// text-embedding-3-small/-large, text-embedding-ada-002, gpt-4, gpt-3.5-turbo and their
    /// dated or fine-tuned variants. A model tiktoken does not know throws
    /// `.unknownModel` with tiktoken's message; one that uses another encoding (gpt-4o uses
    /// o200k_base) throws `.encodingNotShipped`.
    public static func forModel(_ model: String) throws(TokenizerError) -> BPEEncoding {
        let encodingName = try encodingName(forModel: model)
        guard encodingName == "cl100k_base" else {
            throw .encodingNotShipped(model: model, encoding: encodingName)
        }
        return try cl100kBase()
    }

    /// The name of the encoding `model` uses, as tiktoken's `encoding_name_for_model` gives it
    /// ("o200k_base" for gpt-4o, though only cl100k_base ships); `.unknownModel` if tiktoken
    /// does not know the model.
    public static func encodingName(forModel model: String) throws(TokenizerError) -> String {
        guard let encodingName = ModelEncodingNames.encodingName(forModel: model) else {
            throw .unknownModel(model)
        }
        return encodingName
    }

    /// The encoding called `name` (tiktoken's `get_encoding`); only "cl100k_base" exists here.
    public static func named(_ name: String) throws(TokenizerError) -> BPEEncoding {
        guard name == "cl100k_base" else { throw .unknownEncoding(name) }
        return try cl100kBase()
    }

    /// Builds cl100k_base from the contents of a ranks file, checking its SHA-256 first.
    init(cl100kBaseRanksFile contents: [UInt8]) throws(TokenizerError) {
        let digest = SHA256.hexDigest(of: contents)
        guard digest == Self.cl100kBaseSHA256 else {
            throw .ranksFileChecksumMismatch(expected: Self.cl100kBaseSHA256, actual: digest)
        }
        let parsed = try RanksFileParser.parse(contents)
        name = "cl100k_base"
        ranks = RankTable(bytes: parsed.bytes, offsets: parsed.offsets)
        specialTokens = SpecialTokens.cl100kBase.mapValues { Array($0.utf8) }
        vocabularySize = max(ranks.count, (specialTokens.keys.max() ?? 0) + 1)
    }

    private static func loadBundledCl100kBase() throws(TokenizerError) -> BPEEncoding {
        let fileName = "cl100k_base.tiktoken"
        guard let url = ResourceBundle.of(target: "Tokenizer", containing: "cl100k_base.tiktoken")?.url(forResource: "cl100k_base", withExtension: "tiktoken") else {
            throw .ranksFileMissing(fileName: fileName)
        }
        let contents: Data
        do {
            contents = try Data(contentsOf: url)
        } catch {
            throw .ranksFileUnreadable(path: url.path, reason: error.localizedDescription)
        }
        return try BPEEncoding(cl100kBaseRanksFile: [UInt8](contents))
    }

    /// The token ids of `text`, identical to tiktoken's `encode_ordinary`: text that looks like
    /// a special token ("<|endoftext|>") is encoded as ordinary characters. (tiktoken's
    /// `encode` would instead raise for such text unless told to allow it.)
    public func encode(_ text: String) -> [Int] {
        var text = text
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ encode(utf8: $0) }) {
            return tokens
        }
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { encode(utf8: $0) } ?? encode(utf8Array: Array(text.utf8))
    }

    /// How many tokens `text` has: `encode(text).count`, the number the API bills.
    public func count(_ text: String) -> Int {
        encode(text).count
    }

    /// The text of `tokens`. Bytes that are not valid UTF-8 (a multi-byte character split
    /// between tokens) become U+FFFD, like tiktoken's default `errors="replace"`.
    /// Throws `.invalidToken` for an id that is no token of this encoding.
    public func decode(_ tokens: [Int]) throws(TokenizerError) -> String {
        String(decoding: try decodeBytes(tokens), as: UTF8.self)
    }

    /// The raw bytes of `tokens`, concatenated. Throws `.invalidToken` for an unknown id.
    public func decodeBytes(_ tokens: [Int]) throws(TokenizerError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.count * 4)
        for token in tokens {
            if token >= 0, token < ranks.count {
                ranks.appendBytes(of: token, to: &bytes)
            } else if let special = specialTokens[token] {
                bytes.append(contentsOf: special)
            } else {
                throw .invalidToken(token)
            }
        }
        return bytes
    }

    /// Whether `id` decodes: an ordinary token (0…100255) or a special one (100257–100260, 100276).
    public func isValidToken(_ id: Int) -> Bool {
        (id >= 0 && id < ranks.count) || specialTokens[id] != nil
    }

    private func encode(utf8Array: [UInt8]) -> [Int] {
        utf8Array.withUnsafeBufferPointer { encode(utf8: $0) }
    }

    private func encode(utf8 text: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        var tokens: [Int] = []
        tokens.reserveCapacity(text.count / 4 + 1)
        var merger = BytePairMerger()
        let scanner = PieceScanner(utf8: text)
        var start = 0
        while start < text.count {
            let end = scanner.pieceEnd(from: start)
            merger.appendTokens(of: base + start, length: end - start, table: ranks, to: &tokens)
            start = end
        }
        return tokens
    }
}
