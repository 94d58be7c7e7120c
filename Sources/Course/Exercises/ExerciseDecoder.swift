import Foundation
import Yams

/// Builds an `Exercise` from the YAML mapping of a lesson step of kind `exercise`,
/// reporting every mistake with its line (the schema is in docs/exercises.md).
public enum ExerciseDecoder {
    /// Keys an exercise step may have; anything else is reported, since it is most likely a typo.
    static let stepKeys: Set<String> = [
        "id", "kind", "title", "text", "datasets", "setup", "starter", "solution",
        "checks", "hints", "wrong", "limits",
    ]

    /// Decodes an exercise step from its YAML mapping.
    public static func decode(_ node: Node) throws(ExerciseDefinitionError) -> Exercise {
        guard let mapping = node.mapping else {
            throw ExerciseDefinitionError(line: line(of: node), "an exercise step must be a mapping of keys to values")
        }
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !stepKeys.contains(name) {
                throw ExerciseDefinitionError(line: line(of: key), "unknown key `\(name)` in an exercise; expected one of \(stepKeys.sorted().joined(separator: ", "))")
            }
        }
        let id = try requiredString("id", in: node)
        let exercise = Exercise(
            id: id,
            title: try optionalString("title", in: node) ?? id,
            instructions: try requiredString("text", in: node),
            datasets: try datasets(node["datasets"]),
            setup: try optionalString("setup", in: node) ?? "",
            starter: try requiredString("starter", in: node),
            solution: try requiredString("solution", in: node),
            checks: try checks(node["checks"], exercise: node),
            hints: try strings(node["hints"], key: "hints"),
            wrongExamples: try wrongExamples(node["wrong"]),
            limits: try limits(node["limits"])
        )
        return exercise
    }

    // MARK: - Parts of the step

    private static func datasets(_ node: Node?) throws(ExerciseDefinitionError) -> [DatasetBinding] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            throw ExerciseDefinitionError(line: line(of: node), "`datasets` maps variable names to files, e.g. `products: products.json`")
        }
        var bindings: [DatasetBinding] = []
        for (key, value) in mapping {
            guard let variable = key.string, isIdentifier(variable) else {
                throw ExerciseDefinitionError(line: line(of: key), "`\(key.string ?? "")` is not a valid Python variable name")
            }
            guard let file = value.scalar?.string, file.hasSuffix(".json"), !file.contains("/") else {
                throw ExerciseDefinitionError(line: line(of: value), "the dataset for `\(variable)` must be a `.json` file name in Lessons/datasets/")
            }
            bindings.append(DatasetBinding(variable: variable, file: file))
        }
        return bindings
    }

    private static func checks(_ node: Node?, exercise: Node) throws(ExerciseDefinitionError) -> [ExerciseCheck] {
        guard let node, let sequence = node.sequence, !sequence.isEmpty else {
            throw ExerciseDefinitionError(line: line(of: node ?? exercise), "an exercise needs a non-empty list of `checks`")
        }
        var checks: [ExerciseCheck] = []
        for item in sequence {
            checks.append(try CheckDecoder.decode(item))
        }
        return checks
    }

    private static func wrongExamples(_ node: Node?) throws(ExerciseDefinitionError) -> [WrongExample] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            throw ExerciseDefinitionError(line: line(of: node), "`wrong` is a list of `{code, feedback}` entries")
        }
        var examples: [WrongExample] = []
        for item in sequence {
            guard item.mapping != nil else {
                throw ExerciseDefinitionError(line: line(of: item), "each `wrong` entry needs `code` and `feedback`")
            }
            examples.append(WrongExample(
                code: try requiredString("code", in: item),
                expectedFeedback: try requiredString("feedback", in: item),
                line: line(of: item)
            ))
        }
        return examples
    }

    private static func limits(_ node: Node?) throws(ExerciseDefinitionError) -> ExerciseLimits? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            throw ExerciseDefinitionError(line: line(of: node), "`limits` is a mapping such as `{seconds: 5, memory_mb: 256}`")
        }
        var limits = ExerciseLimits()
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "seconds":
                guard let seconds = value.float ?? value.int.map(Double.init), seconds > 0 else {
                    throw ExerciseDefinitionError(line: line(of: value), "`limits.seconds` must be a positive number")
                }
                limits.seconds = seconds
            case "steps": limits.steps = try positiveInt(value, key: "limits.steps")
            case "memory_mb": limits.memoryMB = try positiveInt(value, key: "limits.memory_mb")
            case "output_chars": limits.outputCharacters = try positiveInt(value, key: "limits.output_chars")
            default:
                throw ExerciseDefinitionError(line: line(of: key), "unknown limit `\(key.string ?? "")`; expected seconds, steps, memory_mb or output_chars")
            }
        }
        return limits
    }

    // MARK: - Scalars

    static func line(of node: Node?) -> Int? {
        node?.mark?.line
    }

    static func requiredString(_ key: String, in node: Node) throws(ExerciseDefinitionError) -> String {
        guard let value = try optionalString(key, in: node) else {
            throw ExerciseDefinitionError(line: line(of: node), "missing `\(key)`")
        }
        return value
    }

    static func optionalString(_ key: String, in node: Node) throws(ExerciseDefinitionError) -> String? {
        guard let value = node[key] else { return nil }
        guard let scalar = value.scalar else {
            throw ExerciseDefinitionError(line: line(of: value), "`\(key)` must be text")
        }
        return scalar.string
    }

    static func strings(_ node: Node?, key: String) throws(ExerciseDefinitionError) -> [String] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            throw ExerciseDefinitionError(line: line(of: node), "`\(key)` must be a list of text")
        }
        var result: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                throw ExerciseDefinitionError(line: line(of: item), "each entry of `\(key)` must be text")
            }
            result.append(text)
        }
        return result
    }

    static func positiveInt(_ node: Node, key: String) throws(ExerciseDefinitionError) -> Int {
        guard let value = node.int, value > 0 else {
            throw ExerciseDefinitionError(line: line(of: node), "`\(key)` must be a positive whole number")
        }
        return value
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }
}
