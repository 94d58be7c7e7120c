import Foundation
import Testing
@testable import Tokenizer

/// The Swift encoder against the real tiktoken package, on documentation and source files
/// found on this machine plus generated edge cases (see Tools/tokenizer/tiktoken_reference.py).
@Suite("same ids as tiktoken", .enabled(if: TiktokenReference.isAvailable, "python3 with tiktoken is not installed"))
struct TiktokenDifferentialTests {
    @Test("every text of a varied corpus encodes to tiktoken's encode_ordinary ids")
    func corpusEncodesLikeTiktoken() throws {
        let directory = try TiktokenReference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let textsFile = directory.appendingPathComponent("texts.json")
        let idsFile = directory.appendingPathComponent("ids.json")
        try TiktokenReference.run(["corpus", "--out", textsFile.path])
        try TiktokenReference.run(["encode", "--ranks", TiktokenReference.ranksFile.path,
                                   "--texts", textsFile.path, "--out", idsFile.path])
        let texts = try TiktokenReference.readJSON([String].self, from: textsFile)
        let expected = try TiktokenReference.readJSON([[Int]].self, from: idsFile)
        try #require(texts.count == expected.count)

        let encoding = try BPEEncoding.cl100kBase()
        var mismatches: [String] = []
        var tokenCount = 0, byteCount = 0
        for (text, expectedIds) in zip(texts, expected) {
            let ids = encoding.encode(text)
            tokenCount += expectedIds.count
            byteCount += text.utf8.count
            if ids != expectedIds {
                mismatches.append(Self.describeMismatch(text: text, ids: ids, expected: expectedIds, encoding: encoding))
            }
        }
        print("tiktoken differential: compared \(texts.count) texts (\(byteCount) bytes, \(tokenCount) tokens); \(mismatches.count) differ")
        #expect(mismatches.isEmpty, "\(mismatches.count) texts differ; first ones:\n\(mismatches.prefix(5).joined(separator: "\n"))")
        #expect(texts.count > 1000 && tokenCount > 100_000, "the corpus is too small to prove much")
    }

    @Test("every token and random token sequences decode to tiktoken's text")
    func decodingMatchesTiktoken() throws {
        struct Reference: Decodable {
            let ids: [Int]
            let single: [String]
            let sequences: [Sequence]
            struct Sequence: Decodable {
                let ids: [Int]
                let text: String
                init(from decoder: any Decoder) throws {
                    var container = try decoder.unkeyedContainer()
                    ids = try container.decode([Int].self)
                    text = try container.decode(String.self)
                }
            }
        }
        let directory = try TiktokenReference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let referenceFile = directory.appendingPathComponent("decoded.json")
        try TiktokenReference.run(["decode", "--ranks", TiktokenReference.ranksFile.path, "--out", referenceFile.path])
        let reference = try TiktokenReference.readJSON(Reference.self, from: referenceFile)

        let encoding = try BPEEncoding.cl100kBase()
        var differing: [Int] = []
        for (id, text) in zip(reference.ids, reference.single) where try encoding.decode([id]) != text {
            differing.append(id)
        }
        var differingSequences = 0
        for sequence in reference.sequences where try encoding.decode(sequence.ids) != sequence.text {
            differingSequences += 1
        }
        print("tiktoken differential: decoded \(reference.ids.count) single tokens and \(reference.sequences.count) sequences")
        #expect(differing.isEmpty, "tokens decoding differently: \(differing.prefix(20))")
        #expect(differingSequences == 0)
    }

    private static func describeMismatch(text: String, ids: [Int], expected: [Int], encoding: BPEEncoding) -> String {
        let firstDifference = (0..<min(ids.count, expected.count)).first { ids[$0] != expected[$0] } ?? min(ids.count, expected.count)
        let window = max(0, firstDifference - 3)
        func pieces(_ tokens: [Int]) -> String {
            tokens[window..<min(tokens.count, firstDifference + 4)]
                .map { String(reflecting: (try? encoding.decodeBytes([$0])).map { String(decoding: $0, as: UTF8.self) } ?? "?") }
                .joined(separator: " ")
        }
        let excerpt = String(reflecting: String(text.prefix(80)))
        return "text \(excerpt): at token \(firstDifference) Swift has \(pieces(ids)), tiktoken \(pieces(expected))"
    }
}
