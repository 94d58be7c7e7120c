import CourseModules
import CoursePython
import DifferentialSupport
import EmbeddingsAPI
import Foundation
import Testing

/// Course code waiting on the network stops when the learner presses Ctrl-C, and an endpoint
/// that answers nothing ends in `openai.APIConnectionError` with a hint, not a long hang.
@Suite struct InterruptedCallTests {
    /// Budgets that cannot end the program before the interruption or the network does.
    private static let roomy = SandboxLimits(maxSteps: .max, maxSeconds: 600)

    private static func interpreter(port: Int) -> Interpreter {
        let url = URL(string: "http://127.0.0.1:\(port)/v1")!
        return Interpreter(modules: CourseModules.standardModules(endpoint: EndpointConfiguration(endpoint: .url(url))), limits: roomy)
    }

    @Test("a request to a server that never answers (old wait: 600 s × 3) returns promptly with KeyboardInterrupt when the run is interrupted")
    func blockedRequestStops() throws {
        let listener = try SilentLoopbackListener(.connectsButNeverAnswers)
        let python = Self.interpreter(port: listener.port)
        let interruption = RunInterruption()
        Self.raise(interruption, after: 0.5)
        let started = Date()
        let result = RunInterruption.$current.withValue(interruption) {
            python.run("""
                import openai
                client = openai.OpenAI(api_key="<OPENAI_API_TOKEN>")
                reached = True
                client.embeddings.create(model="text-embedding-3-small", input="hi")
                finished = True
                """)
        }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")
        #expect(python["reached"]?.boolValue == true)
        #expect(python["finished"] == nil)
    }

    @Test("Ctrl-C during the connect check itself (a port that answers no SYN) stops the run too")
    func blockedConnectStops() throws {
        let listener = try SilentLoopbackListener(.neverCompletesConnections)
        let python = Self.interpreter(port: listener.port)
        let interruption = RunInterruption()
        Self.raise(interruption, after: 0.5)
        let result = RunInterruption.$current.withValue(interruption) {
            python.run("""
                import openai
                openai.OpenAI(api_key="<OPENAI_API_TOKEN>").embeddings.create(model="text-embedding-3-small", input="hi")
                """)
        }
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")
    }

    @Test("time.sleep is cut short by an interruption")
    func sleepStops() {
        let python = Interpreter(modules: CourseModules.standardModules(), limits: Self.roomy)
        let interruption = RunInterruption()
        Self.raise(interruption, after: 0.3)
        let result = RunInterruption.$current.withValue(interruption) {
            python.run("import time\nwhile True:\n    time.sleep(1)\n")
        }
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")
    }

    @Test("an endpoint that answers no connection ends in openai.APIConnectionError with the SDK's message and a hint naming host:port and :endpoint")
    func unansweredEndpointShowsHint() throws {
        let listener = try SilentLoopbackListener(.neverCompletesConnections)
        let python = Self.interpreter(port: listener.port)
        let result = python.run("""
            import openai
            client = openai.OpenAI(api_key="<OPENAI_API_TOKEN>", max_retries=0)
            try:
                client.embeddings.create(model="text-embedding-3-small", input="hi")
            except openai.APIConnectionError as error:
                print(error)
            client.embeddings.create(model="text-embedding-3-small", input="hi")
            """, filename: "<test>")
        #expect(result.output == "Connection error.\n")
        let traceback = result.error?.traceback ?? ""
        #expect(traceback.contains("openai.APIConnectionError: Connection error.\nNothing answered at 127.0.0.1:\(listener.port) within 5 s."))
        #expect(traceback.contains(":endpoint fake switches back to the built-in endpoint."))
    }

    /// Raises `interruption` from a thread of its own after `seconds`, as the signal relay does
    /// (`DelayedAction`: a thread of its own).
    private static func raise(_ interruption: RunInterruption, after seconds: Double) {
        DelayedAction.run(after: seconds) { interruption.raise() }
    }
}
