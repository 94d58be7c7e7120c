import EmbeddingsWire
import FakeEmbeddings
import Foundation
import Testing

@Suite("The fake endpoint validates like the real API")
struct FakeValidationTests {
    let fake = FakeEmbeddings()
    static let invalidInput = "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."

    func expectError(
        _ response: FakeHTTPResponse, status: Int, message: String, type: String? = "invalid_request_error", code: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let detail = response.errorDetail
        #expect(detail?.message == message, sourceLocation: sourceLocation)
        #expect(detail?.type == type, sourceLocation: sourceLocation)
        #expect(detail?.code == code, sourceLocation: sourceLocation)
        #expect(response.header("x-request-id")?.hasPrefix("req_") == true, sourceLocation: sourceLocation)
    }

    @Test("an empty string, an empty string in an array, an empty array and 2049 inputs are each '$.input' is invalid", arguments: [
        #"{"input": "", "model": "text-embedding-3-small"}"#,
        #"{"input": ["fine", ""], "model": "text-embedding-3-small"}"#,
        #"{"input": [], "model": "text-embedding-3-small"}"#,
        #"{"input": [[]], "model": "text-embedding-3-small"}"#,
        #"{"input": 42, "model": "text-embedding-3-small"}"#,
        #"{"input": [1.5], "model": "text-embedding-3-small"}"#,
        "{\"input\": [" + Array(repeating: "\"a\"", count: 2049).joined(separator: ",") + "], \"model\": \"text-embedding-3-small\"}",
    ])
    func invalidInputs(body: String) {
        expectError(fake.post(body), status: 400, message: Self.invalidInput)
    }

    @Test("exactly 2048 inputs are accepted")
    func maximumInputCountIsAccepted() {
        let body = "{\"input\": [" + Array(repeating: "\"a\"", count: 2048).joined(separator: ",") + "], \"model\": \"text-embedding-3-small\", \"dimensions\": 8}"
        #expect(fake.post(body).status == 200)
    }

    @Test("an input over 8192 tokens is a context-length error quoting the count")
    func inputOverContextLength() {
        let tokens = Array(repeating: "0", count: 8193).joined(separator: ",")
        expectError(
            fake.post(#"{"input": [\#(tokens)], "model": "text-embedding-3-small"}"#), status: 400,
            message: "This model's maximum context length is 8192 tokens, however you requested 8193 tokens (8193 in your prompt; 0 for the completion). Please reduce your prompt; or completion length."
        )
    }

    @Test("over 300,000 tokens in one request is max_tokens_per_request")
    func requestOverTokenBudget() {
        let one = "[" + Array(repeating: "0", count: 8192).joined(separator: ",") + "]"
        let body = "{\"input\": [" + Array(repeating: one, count: 37).joined(separator: ",") + "], \"model\": \"text-embedding-3-small\"}"
        expectError(fake.post(body), status: 400, message: "Requested 303104 tokens, max 300000 tokens per request", type: "max_tokens_per_request", code: "max_tokens_per_request")
    }

    @Test("dimensions with ada-002 is refused")
    func dimensionsWithAda() {
        expectError(fake.post(#"{"input": "hi", "model": "text-embedding-ada-002", "dimensions": 256}"#), status: 400, message: "This model does not support specifying dimensions.")
    }

    @Test("dimensions of 0 or above the model's size name the allowed range", arguments: [(0, 1536, "text-embedding-3-small"), (3073, 3072, "text-embedding-3-large")])
    func dimensionsOutOfRange(dimensions: Int, maximum: Int, model: String) {
        let response = fake.post(#"{"input": "hi", "model": "\#(model)", "dimensions": \#(dimensions)}"#)
        #expect(response.status == 400)
        #expect(response.errorDetail?.message == "Invalid value for 'dimensions' = \(dimensions). It must be between 1 and \(maximum) for \(model).")
    }

    @Test("an unsupported encoding_format quotes the value and the supported ones")
    func badEncodingFormat() {
        expectError(fake.post(#"{"input": "hi", "model": "text-embedding-3-small", "encoding_format": "md5"}"#), status: 400, message: "Invalid value for 'encoding_format' = md5. Supported values: ['float', 'base64'].")
    }

    @Test("an unknown model is 404 model_not_found")
    func unknownModel() {
        expectError(
            fake.post(#"{"input": "hi", "model": "text-embedding-3-smal"}"#), status: 404,
            message: "The model `text-embedding-3-smal` does not exist or you do not have access to it.", code: "model_not_found"
        )
    }

    @Test("no Authorization header is 401 saying how to provide a key")
    func missingKey() {
        let response = fake.post(#"{"input": "hi", "model": "text-embedding-3-small"}"#, authorization: nil)
        #expect(response.status == 401)
        #expect(response.errorDetail?.message.hasPrefix("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)") == true)
        #expect(fake.post(#"{"input": "hi", "model": "text-embedding-3-small"}"#, authorization: "Bearer ").status == 401)
    }

    @Test("a wrong key is 401 invalid_api_key with the key masked")
    func wrongKeyIsMasked() {
        let key = "sk-uvwx5678abcdefghijklmnopqrstuvwxyz5678"
        expectError(
            fake.post(#"{"input": "hi", "model": "text-embedding-3-small"}"#, authorization: "Bearer \(key)"), status: 401,
            message: "Incorrect API key provided: sk-uvwx5*****************************5678. You can find your API key at https://platform.openai.com/account/api-keys.",
            code: "invalid_api_key"
        )
    }

    @Test("short keys are masked too, never quoted whole", arguments: ["abc", "sk-12345", "sk-123456789012345"])
    func shortKeysAreMasked(key: String) {
        let masked = APIKeyMask.mask(key)
        #expect(masked.count == key.count)
        #expect(masked != key)
        #expect(masked.contains("*"))
    }

    @Test("malformed JSON and wrongly typed fields are 400 envelopes, missing fields say which")
    func malformedBodies() {
        #expect(fake.post("{not json").errorDetail?.message.hasPrefix("We could not parse the JSON body of your request.") == true)
        #expect(fake.post("{not json").status == 400)
        #expect(fake.post(#"{"input": "hi"}"#).errorDetail?.message == "you must provide a model parameter")
        #expect(fake.post(#"{"model": "text-embedding-3-small"}"#).errorDetail?.message == "'input' is a required property")
        #expect(fake.post(#"{"input": "hi", "model": "text-embedding-3-small", "dimensions": "big"}"#).errorDetail?.message == "'$.dimensions' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.")
        #expect(fake.post(#"{"input": "hi", "model": 7}"#).status == 400)
    }

    @Test("token ids outside cl100k_base are refused with the id")
    func invalidTokenID() {
        let response = fake.post(#"{"input": [1, 100256], "model": "text-embedding-3-small"}"#)
        #expect(response.status == 400)
        #expect(response.errorDetail?.message.contains("100256") == true)
        #expect(fake.post(#"{"input": [-1], "model": "text-embedding-3-small"}"#).status == 400)
    }

    @Test("unknown routes are 404 and wrong methods 405, both as error envelopes")
    func routes() {
        let unknown = fake.handle(FakeHTTPRequest(method: "GET", path: "/v1/nothing", authorization: FakeEmbeddings.bearerPlaceholder))
        #expect(unknown.status == 404)
        #expect(unknown.errorDetail?.message == "Invalid URL (GET /v1/nothing)")
        let wrongMethod = fake.handle(FakeHTTPRequest(method: "GET", path: "/v1/embeddings", authorization: FakeEmbeddings.bearerPlaceholder))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("allow") == "POST")
        #expect(wrongMethod.errorDetail != nil)
    }
}
