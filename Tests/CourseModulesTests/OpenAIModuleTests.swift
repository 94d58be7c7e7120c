import CourseModules
import CoursePython
import EmbeddingsAPI
import Foundation
import Testing

/// The `openai` module against the in-process fake endpoint, as learner code uses it.
@Suite struct OpenAIModuleTests {
    func run(_ source: String, endpoint: EndpointConfiguration = EndpointConfiguration()) -> (output: String, error: String?) {
        let interpreter = Interpreter(modules: CourseModules.standardModules(endpoint: endpoint))
        let result = interpreter.run(source, filename: "<test>")
        return (result.output, result.error?.traceback)
    }

    @Test("the issue's example runs: model_dump keeps the SDK's keys and order, vectors have 1536 floats")
    func issueExample() {
        let (output, error) = run("""
        from openai import OpenAI
        client = OpenAI(api_key="<OPENAI_API_TOKEN>")
        response = client.embeddings.create(model="text-embedding-3-small", input="Hello")
        response_dict = response.model_dump()
        print(len(response_dict["data"][0]["embedding"][:3]), len(response.data[0].embedding))
        print(list(response_dict.keys()), list(response_dict["data"][0].keys()), list(response_dict["usage"].keys()))
        print(response.object, response.model, response.data[0].index, response.data[0].object)
        print(response.usage.prompt_tokens == response.usage.total_tokens, response.usage.total_tokens)
        print(isinstance(response.data[0].embedding[0], float))
        """)
        #expect(error == nil, "\(error ?? "")")
        #expect(output == """
        3 1536
        ['data', 'model', 'object', 'usage'] ['embedding', 'index', 'object'] ['prompt_tokens', 'total_tokens']
        list text-embedding-3-small 0 embedding
        True 1
        True

        """)
    }

    @Test("repr, model_dump, model_dump_json and to_dict print exactly as the official SDK prints the same response")
    func printsLikeTheSDK() throws {
        guard case .success(let python) = ReferencePython.find(modules: ["openai"]) else {
            print("skipped: response printing not compared with the openai SDK: python3 with openai not found")
            return
        }
        let printing = """
        print(repr(response))
        print(response.data[0])
        print(response.model_dump())
        print(response.to_dict())
        print(response.model_dump_json())
        print(response.model_dump_json(indent=2))
        print(response.to_json())
        """
        let (ours, error) = run("""
        import json
        from openai import OpenAI
        client = OpenAI(api_key="<OPENAI_API_TOKEN>")
        response = client.embeddings.create(model="text-embedding-3-small", input=["a cat", "a dog"], dimensions=6, encoding_format="float")
        print(json.dumps(response.model_dump()))
        \(printing)
        """)
        #expect(error == nil, "\(error ?? "")")
        let lines = ours.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard lines.count == 2 else { Issue.record("no output: \(ours)"); return }
        let reference = try python.run(script: """
        import json, sys
        from openai.types import CreateEmbeddingResponse
        response = CreateEmbeddingResponse.model_validate(json.loads(sys.stdin.read()))
        \(printing)
        """, input: String(lines[0]))
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(String(lines[1]) == reference.stdout)
    }

    @Test("API errors raise the SDK's classes with status_code, code, param, type, request_id and its message")
    func errors() {
        let (output, error) = run("""
        import openai
        from openai import OpenAI
        client = OpenAI(api_key="<OPENAI_API_TOKEN>")
        try:
            client.embeddings.create(model="text-embedding-3-small", input="")
        except openai.BadRequestError as e:
            print("bad request", e.status_code, e.code, e.param, e.type, e.request_id.startswith("req_"))
            print(e)
            print(e.body["message"] == e.message.split(" - ", 1)[1])
        try:
            client.embeddings.create(model="text-embedding-3-smal", input="hi")
        except openai.APIStatusError as e:
            print(isinstance(e, openai.NotFoundError), e.status_code, e.code)
        try:
            OpenAI(api_key="sk-wrong-key-1234567890abcdef").embeddings.create(model="text-embedding-3-small", input="hi")
        except openai.AuthenticationError as e:
            print(e.status_code, e.code, "sk-wrong-key-1234567890abcdef" in str(e))
        try:
            client.embeddings.create(model="text-embedding-3-small")
        except TypeError as e:
            print(e)
        """)
        #expect(error == nil, "\(error ?? "")")
        #expect(output == """
        bad request 400 None None invalid_request_error True
        Error code: 400 - '$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.
        True
        True 404 model_not_found
        401 invalid_api_key False
        Embeddings.create() missing 1 required keyword-only argument: 'input'

        """)
    }

    @Test("a response is not a dict: subscripting it names the type, as CPython does")
    func notSubscriptable() {
        let (_, error) = run("""
        from openai import OpenAI
        response = OpenAI(api_key="<OPENAI_API_TOKEN>").embeddings.create(model="text-embedding-3-small", input="Hello")
        response["data"]
        """)
        #expect(error?.contains("TypeError: 'CreateEmbeddingResponse' object is not subscriptable") == true)
    }

    @Test("the configured real key never shows: client attributes and errors keep the placeholder")
    func keyNeverShown() {
        let canary = "sk-canary-0123456789abcdefghijklmnopqrstuvwxyz"
        let (output, error) = run("""
        import openai
        client = openai.OpenAI(api_key="<OPENAI_API_TOKEN>", base_url="http://127.0.0.1:9/v1", max_retries=0, timeout=2)
        print(client.api_key, client.base_url, client.max_retries, client.timeout, repr(client))
        try:
            client.embeddings.create(model="text-embedding-3-small", input="hi")
        except openai.APIConnectionError as e:
            print(type(e) if False else "connection error:", e)
        """, endpoint: EndpointConfiguration(endpoint: .openai, apiKey: APIKey(canary)))
        #expect(error == nil, "\(error ?? "")")
        #expect(output.hasPrefix("<OPENAI_API_TOKEN> http://127.0.0.1:9/v1/ 0 2.0 <openai.OpenAI object>\n"))
        #expect(output.contains("connection error: Connection error."))
        #expect(!output.contains(canary))
    }

    @Test("embeddings of the same text are identical and their cosine distance is zero")
    func deterministicVectors() {
        let (output, error) = run("""
        from openai import OpenAI
        from scipy.spatial import distance
        import numpy as np
        client = OpenAI(api_key="<OPENAI_API_TOKEN>")
        first = client.embeddings.create(model="text-embedding-3-small", input="soap").data[0].embedding
        second = client.embeddings.create(model="text-embedding-3-small", input=["soap", "a laptop"]).data
        print(first == second[0].embedding, distance.cosine(first, second[0].embedding) < 1e-9)
        print(round(float(np.linalg.norm(np.array(first))), 4), distance.cosine(first, second[1].embedding) > 0.05)
        """)
        #expect(error == nil, "\(error ?? "")")
        #expect(output == "True True\n1.0 True\n")
    }
}
