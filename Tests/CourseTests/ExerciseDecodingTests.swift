import Foundation
import LessonFiles
import Testing
import Yams
@testable import Course

/// The exercise steps of a bundled lesson file, decoded.
private func bundledExercises(_ file: String) throws -> [Exercise] {
    let directory = try #require(LessonFiles.lessonsDirectory)
    let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    let root = try #require(try Yams.compose(yaml: text))
    let steps = try #require(root["steps"]?.sequence)
    return try steps.filter { $0["kind"]?.string == "exercise" }.map { try ExerciseDecoder.decode($0) }
}

private func decode(_ yaml: String) throws -> Exercise {
    let node = try #require(try Yams.compose(yaml: yaml))
    return try ExerciseDecoder.decode(node)
}

private func decodingError(_ yaml: String) throws -> ExerciseDefinitionError? {
    let node = try #require(try Yams.compose(yaml: yaml))
    do {
        _ = try ExerciseDecoder.decode(node)
        return nil
    } catch {
        return error
    }
}

private let minimalExercise = """
id: first
kind: exercise
text: Do it.
starter: x = ____
solution: x = 1
checks:
  - equals: {name: x}
"""

@Test("the bundled lessons 3-5 decode into the eight exercises of the course, each with checks and wrong examples")
func bundledLessonsDecode() throws {
    let ids = try ["creating-embeddings.yaml", "response-dictionaries.yaml", "similarity.yaml"]
        .flatMap { try bundledExercises($0) }
        .map(\.id)
    #expect(ids == [
        "creating-embeddings", "digging-into-the-response",
        "embedding-product-descriptions", "shorter-embeddings", "estimating-cost",
        "repeatable-embeddings", "cosine-similarity", "most-similar-product",
    ])
    for exercise in try bundledExercises("similarity.yaml") {
        #expect(!exercise.checks.isEmpty)
        #expect(!exercise.wrongExamples.isEmpty)
        #expect(exercise.starter.contains("____"))
    }
}

@Test("each check kind decodes with its parameters")
func checkKindsDecode() throws {
    let exercise = try decode("""
    id: all-kinds
    kind: exercise
    text: Everything.
    datasets: {products: products.json}
    starter: ____
    solution: pass
    checks:
      - no_error: true
      - defined: response_dict
      - type: {name: response_dict, is: dict, advice: {CreateEmbeddingResponse: call `.model_dump()`}}
      - equals: {expression: 'len(v)', tolerance: 0.01}
      - called: {function: client.embeddings.create, with: {model: text-embedding-3-small, dimensions: 256, input: "256"}, args: [1, 2.5, null, true], times: 1}
      - output: {contains: "1536"}
      - output: {matches: '\\d+ tokens'}
      - output: {same_as_solution: true}
      - holds: {expression: 'x > 0', feedback: x should be positive.}
      - vector: {name: v, dimension: 256, unit_norm: true, cosine_to_solution: 0.99}
      - top_k: {name: distances, k: 3}
    limits: {seconds: 2.5, steps: 1000, memory_mb: 64, output_chars: 500}
    """)
    #expect(exercise.datasets == [DatasetBinding(variable: "products", file: "products.json")])
    #expect(exercise.checks.map(\.kind.name) == ["no_error", "defined", "type", "equals", "called", "output", "output", "output", "holds", "vector", "top_k"])
    #expect(exercise.checks[2].kind == .type(target: .name("response_dict"), typeName: "dict", advice: ["CreateEmbeddingResponse": "call `.model_dump()`"]))
    #expect(exercise.checks[3].kind == .equals(target: .expression("len(v)"), tolerance: 0.01))
    #expect(exercise.checks[4].kind == .called(
        function: "client.embeddings.create",
        keywordArguments: [
            KeywordArgument(name: "model", value: .string("text-embedding-3-small")),
            KeywordArgument(name: "dimensions", value: .int(256)),
            KeywordArgument(name: "input", value: .string("256")),
        ],
        positionalArguments: [.int(1), .double(2.5), .none, .bool(true)],
        times: 1
    ))
    #expect(exercise.checks[6].kind == .output(.matches("\\d+ tokens")))
    #expect(exercise.checks[8].feedback == "x should be positive.")
    #expect(exercise.checks[9].kind == .vector(target: .name("v"), dimension: 256, unitNorm: true, minimumCosineToSolution: 0.99))
    #expect(exercise.checks[10].kind == .topK(target: .name("distances"), k: 3, largest: false))
    #expect(exercise.limits == ExerciseLimits(seconds: 2.5, steps: 1000, memoryMB: 64, outputCharacters: 500))
}

@Test("a minimal exercise takes its id as title and has no setup, hints or limits")
func minimalExerciseDefaults() throws {
    let exercise = try decode(minimalExercise)
    #expect(exercise.title == "first")
    #expect(exercise.setup.isEmpty && exercise.hints.isEmpty && exercise.limits == nil)
}

@Test("mistakes in an exercise are reported with their line and what to do")
func invalidExercisesAreReported() throws {
    let unknownCheck = try decodingError(minimalExercise.replacingOccurrences(of: "equals: {name: x}", with: "equal: {name: x}"))
    #expect(unknownCheck?.line == 7)
    #expect(unknownCheck?.message.contains("unknown check `equal`") == true)

    let typo = try decodingError(minimalExercise + "\nhint: [a]")
    #expect(typo?.message.contains("unknown key `hint`") == true)

    let noSolution = try decodingError(minimalExercise.replacingOccurrences(of: "solution: x = 1\n", with: ""))
    #expect(noSolution?.message == "missing `solution`")

    let noChecks = try decodingError(minimalExercise.replacingOccurrences(of: "  - equals: {name: x}", with: "  []").replacingOccurrences(of: "checks:\n", with: "checks:"))
    #expect(noChecks?.message.contains("non-empty list of `checks`") == true)

    let badParameter = try decodingError(minimalExercise.replacingOccurrences(of: "equals: {name: x}", with: "equals: {name: x, tolerence: 1}"))
    #expect(badParameter?.message.contains("`equals` has no parameter `tolerence`") == true)

    let bothTargets = try decodingError(minimalExercise.replacingOccurrences(of: "equals: {name: x}", with: "equals: {name: x, expression: x}"))
    #expect(bothTargets?.message.contains("exactly one of `name` or `expression`") == true)

    let badRegex = try decodingError(minimalExercise.replacingOccurrences(of: "equals: {name: x}", with: "output: {matches: '(unclosed'}"))
    #expect(badRegex?.message.contains("not a valid regular expression") == true)

    let badDataset = try decodingError(minimalExercise + "\ndatasets: {products: ../secret.txt}")
    #expect(badDataset?.message.contains("`.json` file name") == true)

    let badLimit = try decodingError(minimalExercise + "\nlimits: {seconds: -1}")
    #expect(badLimit?.message.contains("positive number") == true)
}
