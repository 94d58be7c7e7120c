import Foundation
import Testing
@testable import Tokenizer

@Suite("the ranks file")
struct RanksFileTests {
    static let ranksFileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Tokenizer/Resources/cl100k_base.tiktoken")

    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256KnownAnswers() {
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("a ranks file with one changed byte is refused as damaged, naming both hashes")
    func damagedFileIsRefused() throws {
        var contents = [UInt8](try Data(contentsOf: Self.ranksFileURL))
        contents[1000] ^= 0x01
        let error = #expect(throws: TokenizerError.self) { try BPEEncoding(cl100kBaseRanksFile: contents) }
        guard case .ranksFileChecksumMismatch(let expected, let actual)? = error else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            return
        }
        #expect(expected == BPEEncoding.cl100kBaseSHA256)
        #expect(actual == SHA256.hexDigest(of: contents))
        #expect(error?.description.contains("damaged") == true)
    }

    @Test("the bundled file's own bytes load")
    func bundledFileLoads() throws {
        let contents = [UInt8](try Data(contentsOf: Self.ranksFileURL))
        #expect(try BPEEncoding(cl100kBaseRanksFile: contents).encode("hello world") == [15339, 1917])
    }

    @Test("malformed lines are reported with their line number", arguments: [
        ("IQ== 0\nIg== 1\nnot-base64! 2\n", 3, "base64"),
        ("IQ== 0\nIg==1\n", 2, "no space"),
        ("IQ== 0\nIg== x\n", 2, "decimal"),
        ("IQ== 0\nIg== 5\n", 2, "out of order"),
        ("IQ== 0\nIg== 1\n", 2, "at least 256"),
    ])
    func malformedLines(contents: String, line: Int, reasonMentions: String) {
        let error = #expect(throws: TokenizerError.self) { try RanksFileParser.parse(Array(contents.utf8)) }
        guard case .ranksFileMalformed(let reportedLine, let reason)? = error else {
            Issue.record("expected a malformed-file error, got \(String(describing: error))")
            return
        }
        #expect(reportedLine == line)
        #expect(reason.contains(reasonMentions))
    }

    @Test("base64 decodes with and without padding and rejects other characters")
    func base64() {
        var output: [UInt8] = []
        #expect(Base64.decode(ArraySlice("aGVsbG8=".utf8), appendingTo: &output))
        #expect(Base64.decode(ArraySlice("IQ==".utf8), appendingTo: &output))
        #expect(Base64.decode(ArraySlice("YWJj".utf8), appendingTo: &output))
        #expect(output == Array("hello!abc".utf8))
        #expect(!Base64.decode(ArraySlice("YW-j".utf8), appendingTo: &output))
        #expect(!Base64.decode(ArraySlice("YWJ".utf8), appendingTo: &output))
    }
}
