import DifferentialSupport
import Foundation
import Testing
@testable import EmbeddingModel

@Suite("Model file: a missing or damaged resource is a clear error, never a crash")
struct SemanticModelFileTests {
    func bundledBytes() throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "semantic-model", withExtension: "bin"))
        return try [UInt8](Data(contentsOf: url))
    }

    func load(_ bytes: [UInt8]) throws(SemanticModelError) -> SemanticEmbedder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("semantic-model-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try Data(bytes).write(to: url) } catch { Issue.record(error) }
        return try SemanticEmbedder(contentsOf: url)
    }

    @Test("a file that does not exist is reported as unreadable, naming the path")
    func missingFile() {
        #expect {
            _ = try SemanticEmbedder(contentsOf: URL(fileURLWithPath: "/nonexistent/semantic-model.bin"))
        } throws: { error in
            guard case .unreadable(let path, _) = error as? SemanticModelError else { return false }
            return path == "/nonexistent/semantic-model.bin"
        }
    }

    @Test("a truncated file is reported as damaged")
    func truncated() throws {
        let bytes = try bundledBytes()
        #expect(throws: SemanticModelError.self) { _ = try load(Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: SemanticModelError.self) { _ = try load(Array(bytes.prefix(10))) }
        #expect(throws: SemanticModelError.self) { _ = try load([]) }
    }

    @Test("a flipped byte fails the checksum")
    func bitRot() throws {
        var bytes = try bundledBytes()
        bytes[bytes.count - 7] ^= 0x40
        #expect {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains("checksum")
        }
    }

    @Test("an intact copy loads and embeds like the bundled model")
    func intactCopy() throws {
        let copy = try load(try bundledBytes())
        let bundled = try SemanticEmbedder.shared()
        #expect(copy.embed("tent", model: "text-embedding-3-small", dimensions: 1536)
            == bundled.embed("tent", model: "text-embedding-3-small", dimensions: 1536))
    }

    @Test("a weight that is not a number is reported as damaged, even with a valid checksum")
    func nonFiniteWeight() throws {
        var bytes = try bundledBytes()
        let headerSize = try #require(SemanticModelFile.headerSizes[Array(bytes.prefix(8))])
        try #require(headerSize > 28, "the bundled model has float weights after its table")
        let nan = Float.nan.bitPattern
        for index in 0..<4 { bytes[bytes.count - 4 + index] = UInt8(truncatingIfNeeded: nan >> (8 * UInt32(index))) }
        let checksum = SemanticModelFile.fnv1a(bytes[headerSize...])
        for index in 0..<8 { bytes[headerSize - 8 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
        #expect {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains("not finite")
        }
    }

    @Test("all three format versions load; zero query maps weight every piece alike, as a table without them")
    func formatVersions() throws {
        let tableOnly = try load(TinyModelFile(headWidth: 0, attentionRounds: 0).bytes)
        let withHead = try load(TinyModelFile(headWidth: 4, attentionRounds: 0).bytes)
        let withAttention = try load(TinyModelFile(headWidth: 4, attentionRounds: 2).bytes)
        let flatAttention = try load(TinyModelFile(headWidth: 0, attentionRounds: 1, zeroQueryMaps: true).bytes)
        for text in ["alpha beta", "beta beta gamma", "gamma", ""] {
            for embedder in [tableOnly, withHead, withAttention, flatAttention] {
                #expect(abs(norm(embedder.compactVector(text)) - 1) < 1e-5)
            }
            let plain = tableOnly.compactVector(text)
            let flat = flatAttention.compactVector(text)
            #expect(zip(plain, flat).allSatisfy { abs($0 - $1) < 1e-6 }, "\(text): \(plain) vs \(flat)")
        }
        #expect(withAttention.compactVector("beta beta gamma") != withHead.compactVector("beta beta gamma"))
    }

    @Test("a header that declares attention but no heads is reported as damaged")
    func attentionWithoutHeads() throws {
        var bytes = TinyModelFile(headWidth: 0, attentionRounds: 1).bytes
        for index in 24..<28 { bytes[index] = 0 }
        #expect {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains("0 attention rounds")
        }
    }

    @Test("an unknown format version is reported as damaged, naming the expected headers")
    func unknownVersion() throws {
        var bytes = try bundledBytes()
        bytes[7] = UInt8(ascii: "9")
        #expect {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains("EMBSEM02")
        }
    }

    @Test("the error text tells a person what to do")
    func errorText() {
        let text = SemanticModelError.corrupt(path: "/x/semantic-model.bin", reason: "its checksum does not match").description
        #expect(text.contains("/x/semantic-model.bin"))
        #expect(text.contains("build_model.py"))
    }
}

/// A small model file in any of the three versions, built byte by byte as
/// Tools/semantic-model/build_model.py writes them, with deterministic weights.
struct TinyModelFile {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "alpha", "beta", "gamma"]
    static let dimensions = 16
    var headWidth: Int
    var attentionRounds: Int
    var zeroQueryMaps = false

    var bytes: [UInt8] {
        var random = SplitMix64(seed: 7)
        func values(_ count: Int) -> [Float] { (0..<count).map { _ in Float(random.nextUnit() - 0.5) } }
        var body = Array(Self.vocabulary.joined(separator: "\n").utf8)
        let vocabularyBytes = body.count
        for scale in values(Self.vocabulary.count) { body += Self.little(abs(scale) + 0.01) }
        body += (0..<(Self.vocabulary.count * Self.dimensions)).map { _ in UInt8(truncatingIfNeeded: Int8(truncatingIfNeeded: Int(random.next() % 255) - 127)) }
        if headWidth > 0 {
            for value in values(2 * Self.dimensions * headWidth + headWidth) { body += Self.little(value) }
        }
        for value in values(attentionRounds * Self.dimensions * Self.dimensions) { body += Self.little(zeroQueryMaps ? 0 : value) }
        let magic = attentionRounds > 0 ? "EMBSEM03" : headWidth > 0 ? "EMBSEM02" : "EMBSEM01"
        var header = Array(magic.utf8)
        for field in [Self.vocabulary.count, Self.dimensions, vocabularyBytes] { header += Self.little(UInt32(field)) }
        if headWidth > 0 || attentionRounds > 0 { header += Self.little(UInt32(headWidth)) }
        if attentionRounds > 0 { header += Self.little(UInt32(attentionRounds)) }
        let checksum = SemanticModelFile.fnv1a(body[...])
        header += (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (8 * UInt64($0))) }
        return header + body
    }

    static func little(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }
    static func little(_ value: Float) -> [UInt8] { little(value.bitPattern) }
}
