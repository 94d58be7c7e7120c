import Testing
import Tokenizer

@Suite("sharing one encoding")
struct ConcurrentUseTests {
    @Test("many tasks encoding at once get the same ids as one task alone")
    func concurrentEncodingAgrees() async throws {
        let encoding = try BPEEncoding.cl100kBase()
        let texts = (0..<64).map { index in
            "Request \(index): embeddings for «café» and 日本語 \(String(repeating: " ", count: index * 3))\n👋 it's done"
        }
        let expected = texts.map { encoding.encode($0) }
        let results = await withTaskGroup(of: (Int, [Int]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, encoding.encode(text)) }
            }
            var collected = [[Int]](repeating: [], count: texts.count)
            for await (index, ids) in group { collected[index] = ids }
            return collected
        }
        #expect(results == expected)
    }

    @Test("callers racing to load the encoding all get a working one")
    func racingLoadsAllSucceed() async throws {
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try BPEEncoding.cl100kBase().count("hello world") }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == [Int](repeating: 2, count: 8))
    }
}
