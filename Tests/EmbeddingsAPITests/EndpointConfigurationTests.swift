import EmbeddingsAPI
import Foundation
import Testing

@Suite("Choosing the endpoint and the key")
struct EndpointConfigurationTests {
    @Test("the option beats EMBEDLINGS_ENDPOINT, which beats OPENAI_BASE_URL; the fake is the default")
    func precedence() throws {
        let environment = ["EMBEDLINGS_ENDPOINT": "openai", "OPENAI_BASE_URL": "http://localhost:11434/v1"]
        #expect(try EndpointConfiguration.resolve(endpointOption: "fake", environment: environment, keyFilePath: nil).endpoint == .fake)
        #expect(try EndpointConfiguration.resolve(endpointOption: nil, environment: environment, keyFilePath: nil).endpoint == .openai)
        #expect(try EndpointConfiguration.resolve(endpointOption: nil, environment: ["OPENAI_BASE_URL": "http://localhost:11434/v1"], keyFilePath: nil).endpoint == .url(URL(string: "http://localhost:11434/v1")!))
        #expect(try EndpointConfiguration.resolve(endpointOption: nil, environment: [:], keyFilePath: nil).endpoint == .fake)
    }

    @Test("OPENAI_API_KEY is used before the key file, and a missing file is no key")
    func keySources() throws {
        let fromEnvironment = try EndpointConfiguration.resolve(endpointOption: "openai", environment: ["OPENAI_API_KEY": "sk-env"], keyFilePath: "/nonexistent/config.json")
        #expect(fromEnvironment.apiKey == APIKey("sk-env"))
        #expect(try EndpointConfiguration.resolve(endpointOption: "openai", environment: [:], keyFilePath: "/nonexistent/config.json").apiKey == nil)
    }

    @Test("an endpoint that is neither fake, openai nor an http(s) URL is refused, saying what is accepted", arguments: ["fak", "ftp://example.com", "http://"])
    func unknownEndpoint(text: String) {
        #expect(throws: EndpointConfigurationError.unknownEndpoint(text)) {
            try EndpointConfiguration.resolve(endpointOption: text, environment: [:], keyFilePath: nil)
        }
        #expect(EndpointConfigurationError.unknownEndpoint(text).description.contains("use fake, openai, or an http(s) URL"))
    }

    @Test("only the OpenAI API requires a key; served fakes and local servers do not")
    func requiresKey() throws {
        #expect(Endpoint.openai.requiresAPIKey)
        #expect(try Endpoint(parsing: "https://api.openai.com/v1").requiresAPIKey)
        #expect(!Endpoint.fake.requiresAPIKey)
        #expect(try !Endpoint(parsing: "http://127.0.0.1:8080/v1").requiresAPIKey)
    }
}
