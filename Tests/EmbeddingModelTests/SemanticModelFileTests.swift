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

    @Test("a head weight that is not a number is reported as damaged, even with a valid checksum")
    func nonFiniteHead() throws {
        var bytes = try bundledBytes()
        try #require(Array(bytes.prefix(8)) == SemanticModelFile.withHeadMagic, "the bundled model has a head")
        let nan = Float.nan.bitPattern
        for index in 0..<4 { bytes[bytes.count - 4 + index] = UInt8(truncatingIfNeeded: nan >> (8 * UInt32(index))) }
        let checksum = SemanticModelFile.fnv1a(bytes[32...])
        for index in 0..<8 { bytes[24 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(index))) }
        #expect {
            _ = try load(bytes)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SemanticModelError else { return false }
            return reason.contains("not finite")
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
