import DifferentialSupport
import EmbeddingsWire
@testable import FakeEmbeddings
import Foundation
import Testing

/// The fast reader for plain request bodies must never disagree with `JSONDecoder`: what it
/// reads, `JSONDecoder` reads identically, and everything else is left to `JSONDecoder`.
@Suite("Plain request bodies: read without JSONDecoder, never differently")
struct PlainRequestReaderTests {
    private func decoded(_ body: [UInt8]) -> EmbeddingRequest? {
        try? JSONDecoder().decode(EmbeddingRequest.self, from: Data(body))
    }

    static let plainBodies = [
        #"{"input":"hello","model":"text-embedding-3-small"}"#,
        #"{"input":["a","b c","héllo wörld ✓"],"model":"text-embedding-3-large","encoding_format":"base64"}"#,
        #"{ "model" : "m", "input" : [ "x" ] , "dimensions" : 256 , "user" : "learner-1" }"#,
        "{\n\t\"input\": \"whitespace outside strings\",\r\n  \"model\": \"m\",\n  \"dimensions\": 0\n}\n",
        #"{"input":"","model":"text-embedding-3-small","encoding_format":"md5"}"#,
    ]

    static let otherBodies = [
        #"{"input":"say \"hi\"","model":"m"}"#,             // an escape
        "{\"input\":\"a raw\ttab\",\"model\":\"m\"}",           // a control character (invalid JSON)
        #"{"input":[1,2,3],"model":"m"}"#,                   // token ids
        #"{"input":[[1],[2,3]],"model":"m"}"#,               // token arrays
        #"{"input":"x","model":"m","dimensions":null}"#,     // null
        #"{"input":"x","model":"m","extra":true}"#,          // an unknown key
        #"{"input":"x","model":"m","model":"n"}"#,           // a repeated key
        #"{"input":"x","model":"m","dimensions":2.0}"#,      // not plain digits
        #"{"input":"x","model":"m","dimensions":-3}"#,
        #"{"input":"x","model":"m","dimensions":0256}"#,
        #"{"input":"x","model":"m","dimensions":12345678901}"#,
        #"{"input":[],"model":"m"}"#,
        #"{"input":"x"}"#,                                   // no model
        #"{"model":"m"}"#,                                   // no input
        #"{"input":"x","model":"m"} trailing"#,
        #"{"input":"x","model":"m""#,                        // truncated
        #"["input"]"#,
        "",
    ]

    @Test("plain bodies are read without JSONDecoder, exactly as JSONDecoder reads them")
    func plainBodiesMatch() throws {
        for body in Self.plainBodies {
            let bytes = Array(body.utf8)
            let plain = try #require(PlainRequestReader.read(bytes), "not read: \(body)")
            #expect(plain == decoded(bytes), "\(body)")
        }
    }

    @Test("everything else is left to JSONDecoder")
    func otherBodiesAreLeftAlone() {
        for body in Self.otherBodies {
            #expect(PlainRequestReader.read(Array(body.utf8)) == nil, "\(body)")
        }
        #expect(PlainRequestReader.read([0x7B, 0x22, 0x69, 0x6E, 0x70, 0x75, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) == nil, "invalid UTF-8")
    }

    @Test("a hundred thousand mutated bodies: whenever the plain reader reads one, JSONDecoder agrees")
    func mutatedBodiesNeverDisagree() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array(#"{}[]",: 0123456789-.eEabc"\"#.utf8) + [0x09, 0x0A, 0xC3, 0xA9, 0xFF]
        var read = 0
        for round in 0..<100_000 {
            var bytes = Array((Self.plainBodies + Self.otherBodies)[round % (Self.plainBodies.count + Self.otherBodies.count)].utf8)
            for _ in 0...(random.next() % 3) where !bytes.isEmpty {
                let index = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[index] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: index)
                }
            }
            guard let plain = PlainRequestReader.read(bytes) else { continue }
            read += 1
            #expect(plain == decoded(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(read > 1000, "the mutations should leave many bodies plain")
    }
}
