import Course
import CourseModules
import EmbeddingsAPI
import Foundation

/// The endpoint this session's exercise code talks to, and where its key came from, so that
/// `:endpoint` can say both without ever showing the key. `:endpoint` replaces `configuration`'s
/// endpoint; the key, resolved once at start, stays.
struct SessionEndpoint {
    /// Where the configured key was found.
    enum KeySource: Equatable {
        /// `OPENAI_API_KEY` in the environment (it wins over the file, as `EndpointConfiguration.resolve` decides).
        case environment
        /// The owner-only `config.json` at this path.
        case configFile(path: String)
        /// No key anywhere.
        case none
    }

    var configuration: EndpointConfiguration
    let keySource: KeySource
    /// Where a key file would be read from, for the advice on how to set a key.
    let keyFilePath: String
    /// The part of the environment the key is read from, to read the key again on a switch.
    private let keyEnvironment: [String: String]

    init(configuration: EndpointConfiguration, environment: [String: String], keyFilePath: String) {
        self.configuration = configuration
        self.keyFilePath = keyFilePath
        keyEnvironment = environment.filter { $0.key == "OPENAI_API_KEY" }
        if configuration.apiKey == nil {
            keySource = .none
        } else if let value = environment["OPENAI_API_KEY"], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            keySource = .environment
        } else {
            keySource = .configFile(path: keyFilePath)
        }
    }

    /// The endpoint `--endpoint` and the environment choose, as every command resolves it.
    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) {
        let configuration = try EndpointOptions.configuration(options, environment: environment)
        self.init(configuration: configuration, environment: environment,
                  keyFilePath: EndpointOptions.keyFilePath(dataDirectory: options.dataDir, environment: environment))
    }

    var endpoint: Endpoint { configuration.endpoint }

    /// The same session on `choice`, with the key read again the way the start did, so a key
    /// file written since then counts. A key file that became unreadable is the error.
    func switched(to choice: Endpoint) throws(EndpointConfigurationError) -> SessionEndpoint {
        var configuration = try EndpointConfiguration.resolve(endpointOption: nil, environment: keyEnvironment, keyFilePath: keyFilePath)
        configuration.endpoint = choice
        return SessionEndpoint(configuration: configuration, environment: keyEnvironment, keyFilePath: keyFilePath)
    }

    /// True when calls are bound to fail: the OpenAI API chosen and no key anywhere.
    var lacksRequiredKey: Bool { endpoint.requiresAPIKey && configuration.apiKey == nil }

    /// What exercises run with: the standard modules, `openai` bound to this endpoint.
    var exerciseEnvironment: ExerciseEnvironment {
        let configuration = configuration
        return ExerciseEnvironment(modules: { CourseModules.standardModules(endpoint: configuration) })
    }

    /// One or two lines: what the exercises talk to and, for a real endpoint, where the key
    /// comes from. Never the key, nor any part of it.
    var summary: [String] {
        switch endpoint {
        case .fake:
            return ["Exercise code talks to the built-in fake endpoint: offline, free, deterministic."]
        case .openai:
            return ["Exercise code talks to the real OpenAI API (\(Endpoint.openAIBaseURL.absoluteString)); each call is billed to your OpenAI account.",
                    keyLine]
        case .url(let url):
            let server = "Exercise code talks to \(Self.displayed(url)), an OpenAI-compatible server (such as `embedlings serve` or Ollama)."
            if endpoint.requiresAPIKey { return [server, keyLine] }
            guard keySource != .none else { return [server] }
            guard PlaceholderToken.mayCarryKey(url) else {
                return [server, "It gets <OPENAI_API_TOKEN>, never your OpenAI key: the key travels only over https or to this machine."]
            }
            return [server, "Your OpenAI key (\(keySourceText)) is sent to it in place of <OPENAI_API_TOKEN>."]
        }
    }

    /// What a real endpoint does with the key: which source, or how to set one.
    private var keyLine: String {
        keySource == .none ? Self.noKeyAdvice(keyFilePath: keyFilePath) : "Key from \(keySourceText)."
    }

    private var keySourceText: String {
        switch keySource {
        case .environment: "OPENAI_API_KEY"
        case .configFile(let path): "the config file \(path)"
        case .none: "none"
        }
    }

    /// The one line said when the OpenAI API is chosen without a key, in the client's terms.
    static func noKeyAdvice(keyFilePath: String) -> String {
        "No key configured: calls will fail until OPENAI_API_KEY is set (then start embedlings again), "
            + "or until \(keyFilePath) holds {\"openai_api_key\": \"sk-...\"} with chmod 600 (then :endpoint openai again)."
    }

    /// What tab offers after `:endpoint `.
    static let completions = ["fake", "openai"]

    /// How to switch, shown after the summary.
    static let switchingHelp = "Switch for this session with :endpoint fake, :endpoint openai or :endpoint URL (e.g. http://127.0.0.1:8080/v1)."

    /// The URL as a learner should see it: any user name or password in it left out.
    static func displayed(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              components.user != nil || components.password != nil
        else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.string ?? url.absoluteString
    }
}
