import EmbeddingsAPI
@testable import embedlings
import Foundation
import Testing

/// How `:endpoint` lines are read: the same parser and messages as `--endpoint`.
@Suite(":endpoint parsing")
struct EndpointCommandParsingTests {
    @Test(":endpoint alone asks where exercise code goes")
    func bareCommandShows() {
        #expect(ReplCommand.parse(":endpoint") == .success(.endpoint(nil)))
        #expect(ReplCommand.parse(":ENDPOINT") == .success(.endpoint(nil)))
    }

    @Test("fake, openai and http(s) URLs are endpoints to switch to, in any letter case for the names")
    func valuesSwitch() throws {
        #expect(ReplCommand.parse(":endpoint openai") == .success(.endpoint(.openai)))
        #expect(ReplCommand.parse(":endpoint FAKE") == .success(.endpoint(.fake)))
        let url = try #require(URL(string: "http://127.0.0.1:8080/v1"))
        #expect(ReplCommand.parse(":endpoint http://127.0.0.1:8080/v1") == .success(.endpoint(.url(url))))
        let secure = try #require(URL(string: "https://Example.org/OpenAI/v1"))
        #expect(ReplCommand.parse(":endpoint https://Example.org/OpenAI/v1") == .success(.endpoint(.url(secure))))
    }

    @Test("a bad value gets --endpoint's own message, which says what is accepted")
    func badValuesAreRefused() {
        for value in ["foo", "ftp://x", "http://", "localhost:8080"] {
            guard case .failure(let error) = ReplCommand.parse(":endpoint \(value)") else {
                Issue.record(":endpoint \(value) was accepted")
                continue
            }
            let optionMessage = EndpointConfigurationError.unknownEndpoint(value).description
            #expect(error.message.lowercased().hasPrefix(optionMessage.lowercased()), "\(error.message)")
            #expect(error.message.contains("The endpoint is unchanged"))
        }
    }

    @Test("more than one value is a usage error")
    func twoValues() {
        #expect(ReplCommand.parse(":endpoint fake openai")
            == .failure(ReplCommandError(message: "Usage: :endpoint [fake|openai|URL], for example :endpoint http://127.0.0.1:8080/v1.")))
    }

    @Test(":help lists it and a misspelling suggests it")
    func listedAndSuggested() {
        #expect(ReplCommand.names.contains("endpoint"))
        #expect(ReplCommand.descriptions.contains { $0.usage == ":endpoint [fake|openai|URL]" })
        #expect(ReplCommand.parse(":endpont") == .failure(ReplCommandError(message: "Unknown command :endpont. Did you mean :endpoint? (:help lists them all)")))
    }
}
