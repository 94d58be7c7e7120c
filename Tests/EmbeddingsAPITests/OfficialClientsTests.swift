import DifferentialSupport
import EmbeddingsAPI
import EmbeddingsServer
import EmbeddingsWire
import FakeEmbeddings
import Foundation
import Testing

/// The served fake is a drop-in for the official clients. These tests need python3 with the
/// `openai` package (`make python-deps` installs it) and curl; without them they are skipped,
/// and the skip says so, because the tests compare against the real SDK and nothing else.
@Suite("Official clients against embedlings serve", .serialized)
struct OfficialClientsTests {
    static let hasOpenAISDK = ChildProcess.pythonSucceeds("import openai")
    static let hasCurl = ChildProcess.exists("curl")

    static let script = #"""
import json, sys, openai
from openai import OpenAI
base, key = sys.argv[1], sys.argv[2]
client = OpenAI(base_url=base, api_key=key, max_retries=0)
out = {}
r = client.embeddings.create(model="text-embedding-3-small", input=["the cat sat", "a dog ran"], dimensions=8)
out["dump"] = r.model_dump()
out["keys"] = list(r.model_dump().keys())
out["float"] = client.embeddings.create(model="text-embedding-3-small", input="the cat sat", dimensions=8, encoding_format="float").data[0].embedding
def error_of(call):
    try:
        call()
        return None
    except openai.APIStatusError as e:
        return {"class": type(e).__name__, "status": e.status_code, "code": e.code, "message": e.message, "str": str(e), "request_id": e.request_id}
out["bad_dims"] = error_of(lambda: client.embeddings.create(model="text-embedding-ada-002", input="x", dimensions=8))
out["unknown_model"] = error_of(lambda: client.embeddings.create(model="text-embedding-3-smal", input="x"))
out["empty"] = error_of(lambda: client.embeddings.create(model="text-embedding-3-small", input=""))
out["wrong_key"] = error_of(lambda: OpenAI(base_url=base, api_key="sk-wrong-key-0123456789abcdef", max_retries=0).embeddings.create(model="text-embedding-3-small", input="x"))
print(json.dumps(out))
"""#

    @Test(
        "the openai Python SDK decodes the default base64, dumps the documented shape and raises its own exception classes",
        .enabled(if: hasOpenAISDK, "skipped: python3 with the openai package is not installed (make python-deps)")
    )
    func pythonSDK() async throws {
        let server = try await EmbeddingsServer.start(EmbeddingsServerConfiguration(port: 0, fake: FakeEmbeddings(keyPolicy: .placeholderOnly)))
        let result = try ChildProcess.run(["python3", "-c", Self.script, server.baseURL.absoluteString, PlaceholderToken.value])
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])

        #expect(output["keys"] as? [String] == ["data", "model", "object", "usage"])
        let dump = try #require(output["dump"] as? [String: Any])
        #expect(dump["object"] as? String == "list")
        #expect(dump["model"] as? String == "text-embedding-3-small")
        let data = try #require(dump["data"] as? [[String: Any]])
        #expect(data.map { $0["index"] as? Int } == [0, 1])
        #expect(data.allSatisfy { $0["object"] as? String == "embedding" })

        let expected = try FakeEmbeddings().embed(.texts(["the cat sat", "a dog ran"]), dimensions: 8)
        let decodedBySDK = try data.map { try #require($0["embedding"] as? [Double]).map(Float.init) }
        #expect(decodedBySDK == expected)
        let viaFloat = try #require(output["float"] as? [Double]).map(Float.init)
        #expect(viaFloat == expected[0])

        let badDimensions = output["bad_dims"] as? [String: Any]
        #expect(badDimensions?["class"] as? String == "BadRequestError")
        let ours = EmbeddingsClient(configuration: EndpointConfiguration(endpoint: .fake))
        do {
            _ = try await ours.create(input: .text("x"), model: "text-embedding-ada-002", dimensions: 8)
            Issue.record("ada-002 with dimensions must fail")
        } catch {
            #expect(badDimensions?["str"] as? String == error.description)
            #expect(badDimensions?["class"] as? String == error.pythonClassName)
        }
        #expect((badDimensions?["request_id"] as? String)?.hasPrefix("req_") == true)
        let unknownModel = output["unknown_model"] as? [String: Any]
        #expect(unknownModel?["class"] as? String == "NotFoundError")
        #expect(unknownModel?["code"] as? String == "model_not_found")
        #expect((output["empty"] as? [String: Any])?["status"] as? Int == 400)
        let wrongKey = output["wrong_key"] as? [String: Any]
        #expect(wrongKey?["class"] as? String == "AuthenticationError")
        #expect((wrongKey?["message"] as? String)?.contains("sk-wrong-key-0123456789abcdef") == false)
    }

    @Test(
        "the API reference's curl example works verbatim",
        .enabled(if: hasCurl, "skipped: curl is not installed")
    )
    func curlExample() async throws {
        let server = try await EmbeddingsServer.start(EmbeddingsServerConfiguration(port: 0))
        let command = """
        curl -s \(server.baseURL.absoluteString)/embeddings \
          -H "Authorization: Bearer $OPENAI_API_KEY" \
          -H "Content-Type: application/json" \
          -d '{
            "input": "The food was delicious and the waiter...",
            "model": "text-embedding-3-small",
            "encoding_format": "float"
          }'
        """
        let result = try ChildProcess.run(["sh", "-c", command], environment: ["OPENAI_API_KEY": "sk-anything-at-all"])
        await server.stop()
        let response = try JSONDecoder().decode(EmbeddingResponse.self, from: Data(result.stdout.utf8))
        #expect(response.data.count == 1)
        #expect(try response.data[0].embedding.floats().count == 1536)
        #expect(response.usage.promptTokens > 0)
    }
}
