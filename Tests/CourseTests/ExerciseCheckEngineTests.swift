import Testing
@testable import Course

/// A finished run described by its results: the namespace, calls, output and failure that
/// the interpreter would report. Expressions are looked up in a table of precomputed results.
private struct FinishedRun: CheckableRun {
    var namespace: [String: InspectedValue] = [:]
    var expressions: [String: ExpressionResult] = [:]
    var calls: [RecordedCall] = []
    var output = ""
    var failure: RunFailure?

    func variable(_ name: String) -> InspectedValue? { namespace[name] }

    func evaluate(_ expression: String) -> ExpressionResult {
        if let name = namespace[expression] { return .value(name) }
        return expressions[expression] ?? .raised(type: "NameError", message: "name '\(expression)' is not defined")
    }
}

private func exercise(_ checks: [ExerciseCheck.Kind], feedback: String? = nil) -> Exercise {
    Exercise(id: "ex", title: "Ex", instructions: "", starter: "", solution: "",
             checks: checks.map { ExerciseCheck($0, feedback: feedback) })
}

private func judge(_ checks: [ExerciseCheck.Kind], code: String = "x = 1", learner: FinishedRun, solution: FinishedRun = FinishedRun()) -> CheckOutcome {
    CheckEngine.judge(exercise(checks), code: code, learner: learner, solution: solution)
}

private let responseObject = InspectedValue.other(typeName: "CreateEmbeddingResponse", repr: "CreateEmbeddingResponse(data=[...])")
private let create = "client.embeddings.create"

@Test("a blank left in the code is named with its line before anything else is judged")
func blankIsReportedFirst() {
    let outcome = judge([.defined(name: "x")], code: "x = 1\ny = ____\n", learner: FinishedRun(namespace: ["x": .int(1)]))
    #expect(!outcome.passed)
    #expect(outcome.feedback == "You left a `____` blank on line 2. Replace it with your code.")
    #expect(outcome.checksPassed == 0 && outcome.status == .error)
}

@Test("defined: a missing variable gets a question, not a stack trace")
func definedCheck() {
    #expect(judge([.defined(name: "response_dict")], learner: FinishedRun()).feedback
        == "Did you define `response_dict`? It is not defined yet.")
    #expect(judge([.defined(name: "response_dict")], learner: FinishedRun(namespace: ["response_dict": .dict([])])).passed)
}

@Test("type: a wrong type is named, with the author's advice for that type")
func typeCheck() {
    let check = ExerciseCheck.Kind.type(target: .name("response_dict"), typeName: "dict",
                                        advice: ["CreateEmbeddingResponse": "call `.model_dump()` on the response."])
    #expect(judge([check], learner: FinishedRun(namespace: ["response_dict": responseObject])).feedback
        == "Did you define `response_dict`? It should be a dict, but it is a CreateEmbeddingResponse — call `.model_dump()` on the response.")
    #expect(judge([check], learner: FinishedRun(namespace: ["response_dict": .list([])])).feedback
        == "Did you define `response_dict`? It should be a dict, but it is a list.")
    #expect(judge([check], learner: FinishedRun(namespace: ["response_dict": .dict([])])).passed)
}

@Test("equals: numbers within tolerance pass, others say what they are and what they should be")
func equalsCheckScalars() {
    let check = ExerciseCheck.Kind.equals(target: .name("total_tokens"), tolerance: 1e-6)
    let solution = FinishedRun(namespace: ["total_tokens": .int(9)])
    #expect(judge([check], learner: FinishedRun(namespace: ["total_tokens": .float(9.0000000001)]), solution: solution).passed)
    #expect(judge([check], learner: FinishedRun(namespace: ["total_tokens": .int(12)]), solution: solution).feedback
        == "`total_tokens` is 12, but it should be 9.")
    #expect(judge([check], learner: FinishedRun(namespace: ["total_tokens": .dict([])]), solution: solution).feedback
        == "`total_tokens` is a dict ({}), but it should be an int.")
}

@Test("equals: vectors compare element-wise with tolerance, and a list equals an array of the same numbers")
func equalsCheckVectors() {
    let check = ExerciseCheck.Kind.equals(target: .expression("vectors"), tolerance: 1e-6)
    let solution = FinishedRun(expressions: ["vectors": .value(.list([.list([.float(0.5), .float(-0.25)]), .list([.float(1), .float(0)])]))])
    let close = FinishedRun(expressions: ["vectors": .value(.list([.array([0.5000000001, -0.25], shape: [2]), .list([.int(1), .float(0)])]))])
    #expect(judge([check], learner: close, solution: solution).passed)
    let swapped = FinishedRun(expressions: ["vectors": .value(.list([.list([.float(0.5), .float(-0.25)]), .list([.float(0.5), .float(-0.25)])]))])
    #expect(judge([check], learner: swapped, solution: solution).feedback == "`vectors` differs from the expected value at `[1][0]`.")
    let short = FinishedRun(expressions: ["vectors": .value(.list([.list([.float(0.5), .float(-0.25)])]))])
    #expect(judge([check], learner: short, solution: solution).feedback
        == "`vectors` differs from the expected value: it has 1 items, but it should have 2.")
}

@Test("called: a missing call, a wrong count and a wrong keyword argument each get their own message")
func calledCheck() {
    let check = ExerciseCheck.Kind.called(function: create, keywordArguments: [KeywordArgument(name: "model", value: .string("text-embedding-3-small"))],
                                          positionalArguments: [], times: 1)
    #expect(judge([check], learner: FinishedRun()).feedback == "Did you call `client.embeddings.create`? It was not called.")
    let large = RecordedCall(function: create, positional: [], keywords: [("model", .string("text-embedding-3-large")), ("input", .string("hi"))])
    #expect(judge([check], learner: FinishedRun(calls: [large])).feedback
        == "Call `client.embeddings.create` with model='text-embedding-3-small'; you passed model='text-embedding-3-large'.")
    let small = RecordedCall(function: "c.embeddings.create", positional: [], keywords: [("model", .string("text-embedding-3-small"))])
    #expect(judge([check], learner: FinishedRun(calls: [small])).passed)
    #expect(judge([check], learner: FinishedRun(calls: [small, small])).feedback
        == "You called `client.embeddings.create` 2 times; this needs exactly 1 call.")
    let dimensions = ExerciseCheck.Kind.called(function: create, keywordArguments: [KeywordArgument(name: "dimensions", value: .int(256))],
                                               positionalArguments: [], times: nil)
    #expect(judge([dimensions], learner: FinishedRun(calls: [small])).feedback
        == "Call `client.embeddings.create` with dimensions=256; you did not pass `dimensions`.")
}

@Test("output: contains, matches and same-as-solution, with a nudge when nothing was printed")
func outputCheck() {
    #expect(judge([.output(.contains("1536"))], learner: FinishedRun(output: "1536\n")).passed)
    #expect(judge([.output(.contains("1536"))], learner: FinishedRun()).feedback
        == "Your output should contain `1536`. Nothing was printed; did you call `print`?")
    #expect(judge([.output(.matches("\\d+ tokens"))], learner: FinishedRun(output: "used 9 tokens\n")).passed)
    #expect(!judge([.output(.matches("\\d+ tokens"))], learner: FinishedRun(output: "used some tokens\n")).passed)
    let same = judge([.output(.sameAsSolution)], learner: FinishedRun(output: "Laptop\n"), solution: FinishedRun(output: "Shoes\n"))
    #expect(same.feedback.hasPrefix("Your output should be:\n    Shoes"))
}

@Test("holds: a false expression gives the author's feedback, an error in it is named")
func holdsCheck() {
    let check = ExerciseCheck.Kind.holds(expression: "all_done")
    let outcome = CheckEngine.judge(exercise([check], feedback: "Every product needs an embedding."), code: "",
                                    learner: FinishedRun(namespace: ["all_done": .bool(false)]), solution: FinishedRun())
    #expect(outcome.feedback == "Every product needs an embedding.")
    #expect(judge([check], learner: FinishedRun(namespace: ["all_done": .bool(false)])).feedback == "This should be true, but it is not: `all_done`.")
    let raising = FinishedRun(expressions: ["len(x) == 1": .raised(type: "TypeError", message: "object of type 'int' has no len()")])
    #expect(judge([.holds(expression: "len(x) == 1")], learner: raising).feedback
        == "Checking `len(x) == 1` raised TypeError: object of type 'int' has no len()")
}

@Test("vector: dimension, unit norm and direction against the solution's vector")
func vectorCheck() {
    let check = ExerciseCheck.Kind.vector(target: .name("v"), dimension: 2, unitNorm: true, minimumCosineToSolution: 0.99)
    let solution = FinishedRun(namespace: ["v": .list([.float(0.6), .float(0.8)])])
    #expect(judge([check], learner: FinishedRun(namespace: ["v": .list([.float(0.6), .float(0.8)])]), solution: solution).passed)
    #expect(judge([check], learner: FinishedRun(namespace: ["v": .list([.float(1), .float(0), .float(0)])]), solution: solution).feedback
        == "`v` has 3 numbers, but it should have 2.")
    #expect(judge([check], learner: FinishedRun(namespace: ["v": .list([.float(3), .float(4)])]), solution: solution).feedback
        == "`v` should have length 1 (a unit vector), but its length is 5.0.")
    #expect(judge([check], learner: FinishedRun(namespace: ["v": .list([.float(0.8), .float(-0.6)])]), solution: solution).feedback.hasPrefix(
        "`v` points in a different direction from the expected vector (cosine similarity 0.0)."))
    #expect(judge([check], learner: FinishedRun(namespace: ["v": .list([.list([.float(0.6), .float(0.8)])])]), solution: solution).feedback.hasPrefix(
        "`v` should be a vector (a list of numbers), but it is a list"))
}

@Test("top_k: the indices of the best scores must match the solution's, in order")
func topKCheck() {
    let check = ExerciseCheck.Kind.topK(target: .name("distances"), k: 2, largest: false)
    let solution = FinishedRun(namespace: ["distances": .list([.float(0.5), .float(0.1), .float(0.3), .float(0.9)])])
    #expect(judge([check], learner: FinishedRun(namespace: ["distances": .array([0.5, 0.1, 0.3, 0.9], shape: [4])]), solution: solution).passed)
    #expect(judge([check], learner: FinishedRun(namespace: ["distances": .list([.float(0.5), .float(0.3), .float(0.1), .float(0.9)])]), solution: solution).feedback
        == "The 2 smallest values of `distances` should be at indices [1, 2], but yours are at [2, 1].")
}

@Test("no_error: the exception is named with its line; other checks still count toward the score")
func noErrorCheckAndScore() {
    let failure = RunFailure(kind: .exception, typeName: "KeyError", message: "'embeddings'", line: 3, traceback: "")
    let outcome = judge([.noError, .defined(name: "client")], learner: FinishedRun(namespace: ["client": .other(typeName: "OpenAI", repr: "")], failure: failure))
    #expect(outcome.feedback == "Your code raised KeyError on line 3: 'embeddings'")
    #expect(outcome.checksPassed == 1 && outcome.checksTotal == 2 && outcome.status == .error)
}

@Test("a run the sandbox stopped fails every check with the sandbox's reason")
func sandboxStopFailsEverything() {
    let failure = RunFailure(kind: .timeout, typeName: "TimeoutError", message: "it ran longer than 2 seconds.", line: 1, traceback: "")
    let outcome = judge([.defined(name: "x")], learner: FinishedRun(namespace: ["x": .int(1)], failure: failure))
    #expect(outcome.status == .timeout && outcome.checksPassed == 0)
    #expect(outcome.feedback == "Your code was stopped on line 1: it ran longer than 2 seconds.")
}
