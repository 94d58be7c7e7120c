import EmbeddingsWire
import Foundation
import Testing

@Suite("Wire types")
struct WireTypesTests {
    @Test("the API reference's example response decodes, floats intact")
    func decodesReferenceExample() throws {
        let json = #"{"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292]}], "model": "text-embedding-3-small", "usage": {"prompt_tokens": 8, "total_tokens": 8}}"#
        let response = try JSONDecoder().decode(EmbeddingResponse.self, from: Data(json.utf8))
        #expect(response.object == "list")
        #expect(response.model == "text-embedding-3-small")
        #expect(response.usage == Usage(promptTokens: 8, totalTokens: 8))
        #expect(response.data.count == 1)
        #expect(response.data[0].index == 0)
        #expect(try response.data[0].embedding.floats() == [0.0023064255, -0.009327292])
    }

    @Test("each of the four input shapes survives encoding and decoding", arguments: [
        EmbeddingInput.text("hello"),
        .texts(["a", "b c"]),
        .tokens([15339, 1917]),
        .tokenArrays([[15339], [1917, 0]]),
    ])
    func inputShapesRoundTrip(input: EmbeddingInput) throws {
        let request = EmbeddingRequest(input: input, model: "text-embedding-3-small", dimensions: 256, encodingFormat: .base64, user: "learner-1")
        let data = try JSONEncoder().encode(request)
        #expect(try JSONDecoder().decode(EmbeddingRequest.self, from: data) == request)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["encoding_format"] as? String == "base64")
        #expect(object["dimensions"] as? Int == 256)
    }

    @Test("an unknown encoding format is kept, so the endpoint can answer it with a 400")
    func unknownEncodingFormatDecodes() throws {
        let request = try JSONDecoder().decode(EmbeddingRequest.self, from: Data(#"{"input":"x","model":"m","encoding_format":"md5"}"#.utf8))
        #expect(request.encodingFormat?.rawValue == "md5")
        #expect(request.encodingFormat?.isSupported == false)
    }

    @Test("base64 holds little-endian float32 bytes both ways")
    func base64IsLittleEndianFloat32() throws {
        #expect(Base64Float32.encode([1.0]) == "AACAPw==")
        #expect(Base64Float32.encode([1.0, -2.0]) == Data([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]).base64EncodedString())
        #expect(try Base64Float32.decode("AACAPw==") == [1.0])
        let values: [Float] = [0.0023064255, -0.009327292, .leastNonzeroMagnitude, 3.4e38]
        #expect(try Base64Float32.decode(Base64Float32.encode(values)) == values)
    }

    @Test("base64 text is Foundation's, character for character, for every padding case")
    func base64MatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...40 {
            let values = (0..<count).map { _ in Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &generator)) }
            let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
            #expect(Base64Float32.encode(values) == Data(bytes).base64EncodedString(), "\(count) floats")
        }
    }

    @Test("base64 that is not whole float32 values is rejected with a reason")
    func base64OfWrongLengthIsRejected() {
        #expect(throws: Base64Float32Error.lengthNotMultipleOfFour(byteCount: 3)) { try Base64Float32.decode("AAAA") }
        #expect(throws: Base64Float32Error.notBase64) { try Base64Float32.decode("!!") }
    }

    @Test("the fast writer's JSON decodes back to exactly the same floats and fields")
    func fastWriterRoundTrips() throws {
        let values: [Float] = [0.1, -0.2, 1e-7, 0.0023064255, -0.009327292, 1, 0]
        let response = EmbeddingResponse(
            data: [EmbeddingObject(index: 0, embedding: .floats(values)), EmbeddingObject(index: 1, embedding: .base64(Base64Float32.encode(values)))],
            model: "text-embedding-3-small",
            usage: Usage(promptTokens: 3, totalTokens: 3)
        )
        let bytes = JSONResponseWriter.write(response)
        #expect(try JSONDecoder().decode(EmbeddingResponse.self, from: Data(bytes)) == response)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2,1e-07,"#))
    }

    @Test("a non-finite float, which JSON cannot spell, is written as 0 so the body stays valid JSON")
    func nonFiniteFloatsStayValidJSON() throws {
        let response = EmbeddingResponse(data: [EmbeddingObject(index: 0, embedding: .floats([.nan, .infinity, 0.5]))], model: "m", usage: Usage(promptTokens: 1, totalTokens: 1))
        let decoded = try JSONDecoder().decode(EmbeddingResponse.self, from: Data(JSONResponseWriter.write(response)))
        #expect(try decoded.data[0].embedding.floats() == [0, 0, 0.5])
    }

    @Test("the error envelope writes param and code as null, and escapes its message")
    func errorEnvelopeWritesNulls() throws {
        let body = APIErrorBody(error: APIErrorDetail(message: "say \"hi\"\n", type: "invalid_request_error"))
        let text = String(decoding: JSONResponseWriter.write(body), as: UTF8.self)
        #expect(text == #"{"error":{"message":"say \"hi\"\n","type":"invalid_request_error","param":null,"code":null}}"#)
        let viaEncoder = try #require(String(data: JSONEncoder().encode(body), encoding: .utf8))
        #expect(viaEncoder.contains(#""param":null"#) && viaEncoder.contains(#""code":null"#))
        #expect(try JSONDecoder().decode(APIErrorBody.self, from: Data(text.utf8)) == body)
    }
}
