import EmbeddingModel
import EmbeddingsWire
import FakeEmbeddings
import Foundation
import Testing

@Suite("The fake endpoint's embeddings")
struct FakeEmbeddingsTests {
    let fake = FakeEmbeddings()

    @Test("equal texts give equal vectors, across separate fakes")
    func deterministic() throws {
        let first = try fake.embed(.text("The food was delicious"))
        let second = try FakeEmbeddings().embed(.text("The food was delicious"))
        #expect(first == second)
    }

    @Test("every model gives unit vectors of its own size", arguments: [("text-embedding-3-small", 1536), ("text-embedding-3-large", 3072), ("text-embedding-ada-002", 1536)])
    func unitNormAndSize(model: String, size: Int) throws {
        for vector in try fake.embed(.texts(["a cat", "?!", "数字 123"]), model: model) {
            #expect(vector.count == size)
            #expect(abs(norm(vector) - 1) < 1e-4)
        }
    }

    @Test("the same text is unrelated across models")
    func modelsDiffer() throws {
        let small = try fake.embed(.text("hello world"), model: "text-embedding-3-small")[0]
        let ada = try fake.embed(.text("hello world"), model: "text-embedding-ada-002")[0]
        #expect(abs(cosine(small, ada)) < 0.2)
    }

    @Test("dimensions returns the renormalised prefix of the full vector")
    func dimensionsIsRenormalisedPrefix() throws {
        let full = try fake.embed(.text("shorter vectors"))[0]
        let short = try fake.embed(.text("shorter vectors"), dimensions: 256)[0]
        #expect(short.count == 256)
        #expect(abs(norm(short) - 1) < 1e-4)
        let prefixNorm = norm(Array(full.prefix(256)))
        for position in 0..<256 { #expect(abs(short[position] - full[position] / prefixNorm) < 1e-5) }
    }

    @Test("texts sharing words are closer than unrelated texts")
    func relatedTextsAreCloser() throws {
        let vectors = try fake.embed(.texts(["the cat sat on the mat", "a cat on a mat", "quarterly revenue grew strongly"]))
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.3)
        #expect(cosine(vectors[0], vectors[2]) < 0.3)
    }

    @Test("base64 carries the same vector as float")
    func base64MatchesFloat() throws {
        let request = EmbeddingRequest(input: .text("same"), model: "text-embedding-3-small", encodingFormat: .base64)
        let created = try fake.create(request, authorization: FakeEmbeddings.bearerPlaceholder)
        guard case .base64 = created.response.data[0].embedding else {
            Issue.record("expected a base64 embedding")
            return
        }
        #expect(try created.response.data[0].embedding.floats() == fake.embed(.text("same"))[0])
    }

    @Test("token-id inputs are accepted and usage counts their tokens")
    func tokenInputs() throws {
        let created = try fake.create(EmbeddingRequest(input: .tokenArrays([[15339, 1917], [9906]]), model: "text-embedding-3-small"), authorization: FakeEmbeddings.bearerPlaceholder)
        #expect(created.response.data.map(\.index) == [0, 1])
        #expect(created.response.usage == Usage(promptTokens: 3, totalTokens: 3))
    }

    @Test("tokens are counted with cl100k_base, and token ids embed like the text they encode")
    func countsWithTheTokenizer() throws {
        let text = try fake.create(EmbeddingRequest(input: .text("hello world"), model: "text-embedding-3-small"), authorization: FakeEmbeddings.bearerPlaceholder)
        #expect(text.response.usage.promptTokens == 2)
        #expect(fake.encodingName == "cl100k_base")
        #expect(try fake.embed(.tokens([15339, 1917])) == fake.embed(.text("hello world")))
    }

    @Test("models are listed and retrieved, unknown ones are 404")
    func models() throws {
        let list = try fake.listModels(authorization: FakeEmbeddings.bearerPlaceholder)
        #expect(list.data.map(\.id) == ["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"])
        #expect(try fake.retrieveModel("text-embedding-3-large", authorization: FakeEmbeddings.bearerPlaceholder).ownedBy == "system")
        let missing = fake.handle(FakeHTTPRequest(method: "GET", path: "/v1/models/nope", authorization: FakeEmbeddings.bearerPlaceholder))
        #expect(missing.status == 404)
        #expect(missing.errorDetail?.code == "model_not_found")
    }

    @Test("a requests-per-minute limit answers 429 with retry-after and x-ratelimit headers, and refills with time")
    func requestsPerMinute() throws {
        let clock = ManualClock()
        let limited = FakeEmbeddings(limits: SimulatedLimits(requestsPerMinute: 2), clock: clock.fakeClock)
        let body = #"{"input": "hi", "model": "text-embedding-3-small"}"#
        let first = limited.post(body)
        #expect(first.status == 200)
        #expect(first.header("x-ratelimit-limit-requests") == "2")
        #expect(first.header("x-ratelimit-remaining-requests") == "1")
        #expect(limited.post(body).status == 200)
        let refused = limited.post(body)
        #expect(refused.status == 429)
        #expect(refused.errorDetail?.code == "rate_limit_exceeded")
        #expect(refused.errorDetail?.type == "requests")
        #expect(refused.errorDetail?.message.hasPrefix("Rate limit reached for text-embedding-3-small in organization org-embedlings-fake on requests per min (RPM): Limit 2, Used 2, Requested 1. Please try again in 30s.") == true)
        #expect(refused.header("retry-after") == "30")
        #expect(refused.header("retry-after-ms") == "30000")
        clock.set(30)
        #expect(limited.post(body).status == 200)
    }

    @Test("a tokens-per-minute limit counts the request's tokens; a request above the whole limit is too large")
    func tokensPerMinute() throws {
        let clock = ManualClock()
        let limited = FakeEmbeddings(limits: SimulatedLimits(tokensPerMinute: 10), clock: clock.fakeClock)
        #expect(limited.post(#"{"input": [1,2,3,4,5,6], "model": "text-embedding-3-small"}"#).status == 200)
        let refused = limited.post(#"{"input": [1,2,3,4,5,6], "model": "text-embedding-3-small"}"#)
        #expect(refused.status == 429)
        #expect(refused.errorDetail?.type == "tokens")
        #expect(refused.header("x-ratelimit-remaining-tokens") == "4")
        let tooLarge = limited.post(#"{"input": [1,2,3,4,5,6,7,8,9,10,11], "model": "text-embedding-3-small"}"#)
        #expect(tooLarge.status == 429)
        #expect(tooLarge.errorDetail?.message.hasPrefix("Request too large for text-embedding-3-small") == true)
    }

    @Test("simulated latency is reported for the caller to wait, not waited by the fake")
    func latencyIsReported() {
        let slow = FakeEmbeddings(limits: SimulatedLimits(latency: .milliseconds(250)))
        #expect(slow.post(#"{"input": "hi", "model": "text-embedding-3-small"}"#).latency == .milliseconds(250))
    }

    @Test("any injected embedder is used")
    func injectedEmbedder() throws {
        struct Constant: TextEmbedder {
            func embed(_ text: String, model: String, dimensions: Int) -> [Float] {
                [1] + Array(repeating: 0, count: dimensions - 1)
            }
        }
        let vectors = try FakeEmbeddings(embedder: Constant()).embed(.text("anything"))
        #expect(vectors[0].first == 1)
    }
}
