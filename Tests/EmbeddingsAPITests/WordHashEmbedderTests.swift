import EmbeddingModel
import Testing

@Suite("The word-hash embedder")
struct WordHashEmbedderTests {
    let embedder = WordHashEmbedder()

    @Test("case, punctuation and a plural s do not change which words a text has")
    func foldsSurfaceForms() {
        let first = embedder.embed("Cats!", model: "m", dimensions: 256)
        let second = embedder.embed("cat", model: "m", dimensions: 256)
        #expect(first == second)
    }

    @Test("very common words count for little: sharing only 'the' is far from sharing a content word")
    func commonWordsWeighLittle() {
        let cat = embedder.embed("the cat", model: "m", dimensions: 1536)
        let car = embedder.embed("the car", model: "m", dimensions: 1536)
        let catNap = embedder.embed("cat nap", model: "m", dimensions: 1536)
        #expect(cosine(cat, catNap) > cosine(cat, car) + 0.2)
    }

    @Test("non-ASCII text is split and folded like ASCII text: punctuation ignored, letters of any script kept")
    func unicodeTextFoldsLikeASCII() {
        #expect(embedder.embed("Cats — “dogs”", model: "m", dimensions: 128) == embedder.embed("cat dog", model: "m", dimensions: 128))
        #expect(embedder.embed("ÜBER Café", model: "m", dimensions: 128) == embedder.embed("über café", model: "m", dimensions: 128))
        #expect(embedder.embed("café", model: "m", dimensions: 128) != embedder.embed("caf", model: "m", dimensions: 128))
    }

    @Test("a text with no words still gets a unit vector of its own")
    func textWithoutWords() {
        let question = embedder.embed("?!", model: "m", dimensions: 64)
        let dots = embedder.embed("...", model: "m", dimensions: 64)
        #expect(abs(norm(question) - 1) < 1e-5)
        #expect(question != dots)
    }
}
