import Foundation

/// Evaluates one check kind and, when it fails, says what is wrong (docs/exercises.md lists
/// each kind with the messages below).
enum CheckEvaluator {
    /// The feedback for a failing check, or `nil` when it passes.
    static func problem(with kind: ExerciseCheck.Kind, learner: some CheckableRun, solution: some CheckableRun) -> String? {
        switch kind {
        case .noError:
            return learner.failure?.summary

        case .defined(let name):
            return learner.variable(name) == nil ? notDefined(name) : nil

        case .type(let target, let typeName, let advice):
            let value: InspectedValue
            switch resolve(target, in: learner) {
            case .failure(let problem): return problem.text
            case .success(let resolved): value = resolved
            }
            guard value.typeName != typeName else { return nil }
            let lead = if case .name(let name) = target { "Did you define `\(name)`? It" } else { "`\(target.source)`" }
            var message = "\(lead) should be \(article(typeName)) \(typeName), but it is \(article(value.typeName)) \(value.typeName)"
            if let tip = advice[value.typeName] { message += " — \(tip)" } else { message += "." }
            return message

        case .equals(let target, let tolerance):
            let mine: InspectedValue, expected: InspectedValue
            switch resolve(target, in: learner) {
            case .failure(let problem): return problem.text
            case .success(let value): mine = value
            }
            switch resolve(target, in: solution) {
            case .failure(let problem): return "The solution cannot compute `\(target.source)` (\(problem.text)); this exercise needs fixing."
            case .success(let value): expected = value
            }
            guard let path = ValueComparison.firstDifference(mine, expected, tolerance: tolerance) else { return nil }
            return mismatch(target.source, path: path, mine: mine, expected: expected)

        case .called(let function, let keywords, let positional, let times):
            return calledProblem(function: function, keywords: keywords, positional: positional, times: times, calls: learner.calls)

        case .output(let expectation):
            return outputProblem(expectation, output: learner.output, solutionOutput: solution.output)

        case .holds(let expression):
            switch learner.evaluate(expression) {
            case .raised(let type, let message): return "Checking `\(expression)` raised \(type): \(message)"
            case .value(let value): return value.isTruthy ? nil : "This should be true, but it is not: `\(expression)`."
            }

        case .vector(let target, let dimension, let unitNorm, let minimumCosine):
            return vectorProblem(target, dimension: dimension, unitNorm: unitNorm, minimumCosine: minimumCosine, learner: learner, solution: solution)

        case .topK(let target, let k, let largest):
            return topKProblem(target, k: k, largest: largest, learner: learner, solution: solution)
        }
    }

    // MARK: - Kinds with more to say

    private static func calledProblem(
        function: String, keywords: [KeywordArgument], positional: [ExpectedValue], times: Int?, calls: [RecordedCall]
    ) -> String? {
        let matching = calls.filter { matches($0.function, function) }
        guard let last = matching.last else {
            return "Did you call `\(function)`? It was not called."
        }
        if let times, matching.count != times {
            return "You called `\(function)` \(matching.count) time\(matching.count == 1 ? "" : "s"); this needs exactly \(times) call\(times == 1 ? "" : "s")."
        }
        func problem(with call: RecordedCall) -> String? {
            for expected in keywords {
                guard let passed = call.keyword(expected.name) else {
                    return "Call `\(function)` with \(expected.name)=\(expected.value); you did not pass `\(expected.name)`."
                }
                if ValueComparison.firstDifference(passed, expected.value.inspected, tolerance: 1e-9) != nil {
                    return "Call `\(function)` with \(expected.name)=\(expected.value); you passed \(expected.name)=\(passed.brief)."
                }
            }
            for (index, expected) in positional.enumerated() {
                guard index < call.positional.count else {
                    return "Call `\(function)` with \(positional.count) positional argument\(positional.count == 1 ? "" : "s"); you passed \(call.positional.count)."
                }
                if ValueComparison.firstDifference(call.positional[index], expected.inspected, tolerance: 1e-9) != nil {
                    return "Argument \(index + 1) of `\(function)` should be \(expected); you passed \(call.positional[index].brief)."
                }
            }
            return nil
        }
        if matching.contains(where: { problem(with: $0) == nil }) { return nil }
        return problem(with: last)
    }

    private static func outputProblem(_ expectation: OutputExpectation, output: String, solutionOutput: String) -> String? {
        let nothing = output.isEmpty ? " Nothing was printed; did you call `print`?" : ""
        switch expectation {
        case .contains(let text):
            return output.contains(text) ? nil : "Your output should contain `\(text)`.\(nothing)"
        case .matches(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return "The pattern `\(pattern)` is not a valid regular expression; this exercise needs fixing."
            }
            let range = NSRange(output.startIndex..., in: output)
            return regex.firstMatch(in: output, range: range) != nil ? nil : "Your output does not look as expected (it should match `\(pattern)`).\(nothing)"
        case .sameAsSolution:
            if output == solutionOutput { return nil }
            return "Your output should be:\n\(excerpt(solutionOutput))\nbut it is:\n\(excerpt(output))"
        }
    }

    private static func vectorProblem(
        _ target: CheckTarget, dimension: Int?, unitNorm: Bool, minimumCosine: Double?,
        learner: some CheckableRun, solution: some CheckableRun
    ) -> String? {
        let value: InspectedValue
        switch resolve(target, in: learner) {
        case .failure(let problem): return problem.text
        case .success(let resolved): value = resolved
        }
        guard let vector = value.numbers else {
            return "`\(target.source)` should be a vector (a list of numbers), but it is \(article(value.typeName)) \(value.typeName): \(value.brief)"
        }
        if let dimension, vector.count != dimension {
            return "`\(target.source)` has \(vector.count) numbers, but it should have \(dimension)."
        }
        if unitNorm, abs(VectorMath.norm(vector) - 1) > 1e-3 {
            return "`\(target.source)` should have length 1 (a unit vector), but its length is \(InspectedValue.shortFloat(VectorMath.norm(vector)))."
        }
        if let minimumCosine {
            guard case .success(let expectedValue) = resolve(target, in: solution), let expected = expectedValue.numbers else {
                return "The solution has no vector `\(target.source)`; this exercise needs fixing."
            }
            guard let cosine = VectorMath.cosine(vector, expected) else {
                return "`\(target.source)` has \(vector.count) numbers, but the expected vector has \(expected.count)."
            }
            if cosine < minimumCosine {
                return "`\(target.source)` points in a different direction from the expected vector "
                    + "(cosine similarity \(InspectedValue.shortFloat(cosine))). Did you embed the right text with the right model?"
            }
        }
        return nil
    }

    private static func topKProblem(
        _ target: CheckTarget, k: Int, largest: Bool, learner: some CheckableRun, solution: some CheckableRun
    ) -> String? {
        let value: InspectedValue
        switch resolve(target, in: learner) {
        case .failure(let problem): return problem.text
        case .success(let resolved): value = resolved
        }
        guard let scores = value.numbers else {
            return "`\(target.source)` should be a list of numbers, but it is \(article(value.typeName)) \(value.typeName)."
        }
        guard case .success(let expectedValue) = resolve(target, in: solution), let expectedScores = expectedValue.numbers else {
            return "The solution has no list `\(target.source)`; this exercise needs fixing."
        }
        if scores.count != expectedScores.count {
            return "`\(target.source)` has \(scores.count) numbers, but it should have one per item: \(expectedScores.count)."
        }
        let mine = VectorMath.topIndices(scores, k: k, largest: largest)
        let expected = VectorMath.topIndices(expectedScores, k: k, largest: largest)
        guard mine != expected else { return nil }
        let which = largest ? "largest" : "smallest"
        return "The \(k) \(which) values of `\(target.source)` should be at indices \(expected), but yours are at \(mine)."
    }

    // MARK: - Helpers

    /// The value a target names, or the feedback for why it has none.
    private static func resolve(_ target: CheckTarget, in run: some CheckableRun) -> Result<InspectedValue, ProblemText> {
        switch target {
        case .name(let name):
            guard let value = run.variable(name) else { return .failure(ProblemText(notDefined(name))) }
            return .success(value)
        case .expression(let expression):
            switch run.evaluate(expression) {
            case .value(let value): return .success(value)
            case .raised(let type, let message):
                if type == "NameError", let name = undefinedName(in: message) {
                    return .failure(ProblemText(notDefined(name)))
                }
                return .failure(ProblemText("Evaluating `\(expression)` raised \(type): \(message)"))
            }
        }
    }

    private static func notDefined(_ name: String) -> String {
        "Did you define `\(name)`? It is not defined yet."
    }

    /// The name in a NameError message such as "name 'x' is not defined".
    private static func undefinedName(in message: String) -> String? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        guard message.hasPrefix("name '"), parts.count >= 3 else { return nil }
        return String(parts[1])
    }

    private static func mismatch(_ source: String, path: String, mine: InspectedValue, expected: InspectedValue) -> String {
        if path.isEmpty, mine.typeName != expected.typeName, !(mine.number != nil && expected.number != nil) {
            return "`\(source)` is \(article(mine.typeName)) \(mine.typeName) (\(mine.brief)), but it should be \(article(expected.typeName)) \(expected.typeName)."
        }
        switch expected {
        case .list, .tuple, .dict, .array:
            if path.isEmpty {
                let mineCount = count(of: mine), expectedCount = count(of: expected)
                if let mineCount, let expectedCount, mineCount != expectedCount {
                    return "`\(source)` differs from the expected value: it has \(mineCount) items, but it should have \(expectedCount)."
                }
                return "`\(source)` differs from the expected value."
            }
            return "`\(source)` differs from the expected value at `\(path)`."
        default:
            return "`\(source)` is \(mine.brief), but it should be \(expected.brief)."
        }
    }

    private static func count(of value: InspectedValue) -> Int? {
        switch value {
        case .list(let items), .tuple(let items): return items.count
        case .dict(let entries): return entries.count
        case .array(let values, let shape): return shape.first ?? values.count
        default: return nil
        }
    }

    /// Whether a recorded call is the one a check names. Checks name functions as learners
    /// write them (`client.embeddings.create`); the interpreter records qualified names
    /// (`openai.Embeddings.create`). They match when the function's name is the same and,
    /// for methods, so is the object it belongs to, ignoring case (`embeddings`/`Embeddings`),
    /// so any variable name for the client works.
    static func matches(_ recorded: String, _ wanted: String) -> Bool {
        if recorded == wanted { return true }
        let recordedParts = recorded.split(separator: ".").map { $0.lowercased() }
        let wantedParts = wanted.split(separator: ".").map { $0.lowercased() }
        guard let recordedName = recordedParts.last, recordedName == wantedParts.last else { return false }
        guard wantedParts.count >= 2 else { return true }
        guard recordedParts.count >= 2 else { return false }
        return recordedParts[recordedParts.count - 2] == wantedParts[wantedParts.count - 2]
    }

    private static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }

    private static func excerpt(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines.prefix(8).map { $0.count > 100 ? String($0.prefix(97)) + "..." : String($0) }
        return shown.map { "    " + $0 }.joined(separator: "\n") + (lines.count > 8 ? "\n    ..." : "")
    }
}

/// Feedback text carried through `Result`.
struct ProblemText: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension ExpectedValue {
    /// The literal as a value snapshot, for comparison with what the code passed.
    var inspected: InspectedValue {
        switch self {
        case .none: return .none
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .float(value)
        case .string(let value): return .string(value)
        case .list(let items): return .list(items.map(\.inspected))
        case .dict(let pairs): return .dict(pairs.map { .init(key: .string($0.key), value: $0.value.inspected) })
        }
    }
}
