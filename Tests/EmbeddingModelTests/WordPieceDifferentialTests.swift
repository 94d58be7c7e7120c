import Foundation
import Testing
@testable import EmbeddingModel

/// The Swift tokenizer against the generator's Python reference (Tools/semantic-model/wordpiece.py,
/// itself checked against Hugging Face `tokenizers` by verify_minilm.py), run by real CPython
/// over the same vocabulary: the model was fitted on the Python ids, so the Swift ids must match.
@Suite("WordPiece differential: Swift matches the Python reference the model was fitted with")
struct WordPieceDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tools = repository.appendingPathComponent("Tools/semantic-model")
    static let pythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/env")
        && FileManager.default.fileExists(atPath: tools.appendingPathComponent("wordpiece.py").path)

    static let handPicked = [
        "Hello, World!", "Crème brûlée à la française", "naïve coöperation façade", "Straße GROẞ İstanbul",
        "東京タワーは333メートルです。", "Ελληνικά κείμενα και Русский текст", "مرحبا بالعالم", "emoji 🙂👍🏽 and ❤️ hearts",
        "e\u{301}te\u{301} with combining accents", "tab\tnew\nline\r\ncarriage", "non\u{00A0}breaking\u{2028}line\u{2029}para",
        "zero\u{200B}width and soft\u{00AD}hyphen", "control\u{01}\u{7F}chars\u{0}here", "replacement \u{FFFD} char",
        "def embed(text: str) -> list[float]:  # returns a unit vector", "x = [1, 2, 3]; y = {'a': 1}", "C++ & C# vs. Objective-C",
        "it's don't won't y'all", "3.14159 1,000,000 2026-11-21 10:30am", "https://api.openai.com/v1/embeddings?x=1",
        "antidisestablishmentarianism supercalifragilisticexpialidocious", String(repeating: "ab", count: 60),
        String(repeating: "é", count: 101), "ＦＵＬＬＷＩＤＴＨ ｌｅｔｔｅｒｓ", "“curly quotes” — em dash … ellipsis",
        "", "   ", "UPPER lower MiXeD", "ﬁ ligature ½ fractions ² superscripts", "Ǆemal ǅ ǆ titlecase digraphs",
    ]

    /// Lines of this repository's own text files: real prose and code nobody wrote for this test.
    static func repositoryLines() -> [String] {
        let files = ["Package.swift", "Makefile", "docs/architecture.md", "Sources/EmbeddingModel/TextEmbedder.swift"]
        return files.flatMap { name -> [String] in
            guard let text = try? String(contentsOf: repository.appendingPathComponent(name), encoding: .utf8) else { return [] }
            return text.split(separator: "\n").map(String.init)
        }
    }

    func pythonIDs(for texts: [String]) throws -> [[Int32]] {
        let script = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from build_model import read_model
        from wordpiece import WordPiece
        tokens, _ = read_model(sys.argv[2])
        tokenizer = WordPiece({t: i for i, t in enumerate(tokens)})
        print(json.dumps([tokenizer.ids(t) for t in json.load(sys.stdin)]))
        """
        return try runGeneratorPython(script, input: texts, as: [[Int32]].self)
    }

    @Test("identical ids for hand-picked edge cases and for this repository's own text", .enabled(if: pythonAvailable))
    func identicalIDs() throws {
        let tokenizer = try SemanticEmbedder.shared().tokenizer
        let texts = Self.handPicked + Self.repositoryLines()
        let expected = try pythonIDs(for: texts)
        try #require(expected.count == texts.count)
        for (text, ids) in zip(texts, expected) {
            #expect(tokenizer.ids(for: text) == ids, "\(text.debugDescription)")
        }
    }
}
