import Testing
@testable import EmbeddingModel

/// The small product list the similarity lessons search.
enum ProductCatalogue {
    static let soap = "A bar of soap"
    static let laptop = "A laptop"
    static let products = [
        soap, laptop, "Running shoes", "A coffee maker", "Headphones", "A board game", "A tent",
        "A kitchen knife", "A mystery novel", "A yoga mat",
    ]
}

@Suite("Course outcomes: the lessons' searches find what a learner expects")
struct CourseOutcomeTests {
    let embedder: SemanticEmbedder

    init() throws {
        embedder = try SemanticEmbedder.shared()
    }

    @Test("a short query finds the matching product", arguments: [
        ("soap", ProductCatalogue.soap),
        ("computer", ProductCatalogue.laptop),
        ("coffee", "A coffee maker"),
        ("camping", "A tent"),
        ("jogging", "Running shoes"),
        ("somewhere to sleep outdoors", "A tent"),
        ("something to play with the kids", "A board game"),
        ("morning caffeine", "A coffee maker"),
    ])
    func productSearch(query: String, expected: String) {
        #expect(nearest(query, among: ProductCatalogue.products, embedder: embedder) == expected)
    }

    /// Label sentences as a lesson would write them. (MiniLM itself files "Terrible product…"
    /// under "This is a positive review.", so the labels describe the sentiment, not the genre.)
    static let labels = ["Great product, I love it.", "Bad product, I hate it."]

    @Test("clearly positive reviews sort to the positive label", arguments: [
        "I absolutely love this product, it works perfectly and I would buy it again!",
        "Fantastic quality, fast delivery, and great customer service.",
        "Best purchase I have made all year. Highly recommended.",
    ])
    func positiveReviews(review: String) {
        #expect(nearest(review, among: Self.labels, embedder: embedder) == Self.labels[0])
    }

    @Test("clearly negative reviews sort to the negative label", arguments: [
        "Terrible product. It broke after one day and support never answered.",
        "Awful quality, a complete waste of money. Do not buy this.",
        "I hate it. It arrived damaged and the refund was refused.",
    ])
    func negativeReviews(review: String) {
        #expect(nearest(review, among: Self.labels, embedder: embedder) == Self.labels[1])
    }

    @Test("a paraphrase is closer than an unrelated sentence")
    func paraphrase() {
        let a = embedder.compactVector("How do I reset my password?")
        let paraphrase = embedder.compactVector("I forgot my password and need to change it")
        let unrelated = embedder.compactVector("The recipe needs two cups of flour")
        #expect(cosine(a, paraphrase) > cosine(a, unrelated) + 0.2)
    }
}
