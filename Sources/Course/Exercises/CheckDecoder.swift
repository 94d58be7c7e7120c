import Foundation
import Yams

/// Decodes one entry of an exercise's `checks` list: a one-key mapping whose key is the
/// check's kind (docs/exercises.md).
enum CheckDecoder {
    static let kinds = ["no_error", "defined", "type", "equals", "called", "output", "holds", "vector", "top_k"]

    static func decode(_ node: Node) throws(ExerciseDefinitionError) -> ExerciseCheck {
        let line = ExerciseDecoder.line(of: node)
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first.map({ ($0.key, $0.value) }),
              let kind = keyNode.string
        else {
            throw ExerciseDefinitionError(line: line, "a check is a one-key mapping such as `- defined: response_dict`; kinds: \(kinds.joined(separator: ", "))")
        }
        let parameters = Parameters(kind: kind, node: value)
        let decoded: ExerciseCheck.Kind
        switch kind {
        case "no_error":
            guard value.bool == true else {
                throw ExerciseDefinitionError(line: line, "write `- no_error: true`")
            }
            decoded = .noError
        case "defined":
            guard let name = value.string, ExerciseDecoder.isIdentifier(name) else {
                throw ExerciseDefinitionError(line: line, "`defined` takes a variable name, e.g. `- defined: response_dict`")
            }
            decoded = .defined(name: name)
        case "type":
            try parameters.allow(["name", "expression", "is", "advice", "feedback"])
            var advice: [String: String] = [:]
            if let adviceNode = value["advice"] {
                guard let pairs = adviceNode.mapping else {
                    throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: adviceNode), "`advice` maps a wrong type's name to what to do")
                }
                for (typeName, text) in pairs {
                    guard let typeName = typeName.string, let text = text.string else {
                        throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: text), "`advice` entries are `TypeName: what to do`")
                    }
                    advice[typeName] = text
                }
            }
            decoded = .type(target: try parameters.target(), typeName: try parameters.string("is"), advice: advice)
        case "equals":
            try parameters.allow(["name", "expression", "tolerance", "feedback"])
            decoded = .equals(target: try parameters.target(), tolerance: try parameters.number("tolerance") ?? 1e-6)
        case "called":
            try parameters.allow(["function", "with", "args", "times", "feedback"])
            let function = try parameters.string("function")
            var keywords: [KeywordArgument] = []
            if let with = value["with"] {
                guard let pairs = with.mapping else {
                    throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: with), "`with` maps keyword arguments to their values")
                }
                for (name, argument) in pairs {
                    guard let name = name.string else { continue }
                    keywords.append(KeywordArgument(name: name, value: try expectedValue(argument)))
                }
            }
            var positional: [ExpectedValue] = []
            if let args = value["args"] {
                guard let items = args.sequence else {
                    throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: args), "`args` is a list of positional argument values")
                }
                for item in items { positional.append(try expectedValue(item)) }
            }
            var times: Int?
            if let timesNode = value["times"] {
                guard let count = timesNode.int, count >= 0 else {
                    throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: timesNode), "`times` must be a whole number")
                }
                times = count
            }
            decoded = .called(function: function, keywordArguments: keywords, positionalArguments: positional, times: times)
        case "output":
            try parameters.allow(["contains", "matches", "same_as_solution", "feedback"])
            if let text = value["contains"]?.string {
                decoded = .output(.contains(text))
            } else if let pattern = value["matches"]?.string {
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                } catch {
                    throw ExerciseDefinitionError(line: line, "`matches` is not a valid regular expression: \(pattern)")
                }
                decoded = .output(.matches(pattern))
            } else if value["same_as_solution"]?.bool == true {
                decoded = .output(.sameAsSolution)
            } else {
                throw ExerciseDefinitionError(line: line, "`output` needs `contains`, `matches` or `same_as_solution: true`")
            }
        case "holds":
            try parameters.allow(["expression", "feedback"])
            decoded = .holds(expression: try parameters.string("expression"))
        case "vector":
            try parameters.allow(["name", "expression", "dimension", "unit_norm", "cosine_to_solution", "feedback"])
            let dimension = value["dimension"]?.int
            let cosine = try parameters.number("cosine_to_solution")
            let unitNorm = value["unit_norm"]?.bool ?? false
            guard dimension != nil || cosine != nil || unitNorm else {
                throw ExerciseDefinitionError(line: line, "`vector` needs at least one of `dimension`, `unit_norm: true`, `cosine_to_solution`")
            }
            decoded = .vector(target: try parameters.target(), dimension: dimension, unitNorm: unitNorm, minimumCosineToSolution: cosine)
        case "top_k":
            try parameters.allow(["name", "expression", "k", "largest", "feedback"])
            guard let k = value["k"]?.int, k > 0 else {
                throw ExerciseDefinitionError(line: line, "`top_k` needs `k`, a positive whole number")
            }
            decoded = .topK(target: try parameters.target(), k: k, largest: value["largest"]?.bool ?? false)
        default:
            throw ExerciseDefinitionError(line: line, "unknown check `\(kind)`; kinds: \(kinds.joined(separator: ", "))")
        }
        return ExerciseCheck(decoded, feedback: value.mapping != nil ? value["feedback"]?.string : nil, line: line)
    }

    /// A literal from YAML: plain scalars are typed the way YAML resolves them, quoted ones are text.
    static func expectedValue(_ node: Node) throws(ExerciseDefinitionError) -> ExpectedValue {
        if let scalar = node.scalar {
            if scalar.style != .plain { return .string(scalar.string) }
            if node.null != nil { return .none }
            if let value = node.bool { return .bool(value) }
            if let value = node.int { return .int(value) }
            if let value = node.float { return .double(value) }
            return .string(scalar.string)
        }
        if let sequence = node.sequence {
            var items: [ExpectedValue] = []
            for item in sequence { items.append(try expectedValue(item)) }
            return .list(items)
        }
        if let mapping = node.mapping {
            var pairs: [ExpectedValue.KeyedValue] = []
            for (key, value) in mapping {
                pairs.append(.init(key: key.string ?? "", value: try expectedValue(value)))
            }
            return .dict(pairs)
        }
        throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: node), "unsupported value")
    }

    /// The parameters of one check, with errors that name the check.
    private struct Parameters {
        let kind: String
        let node: Node

        func allow(_ keys: Set<String>) throws(ExerciseDefinitionError) {
            guard let mapping = node.mapping else {
                throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: node), "`\(kind)` takes a mapping of parameters: \(keys.sorted().joined(separator: ", "))")
            }
            for (key, _) in mapping where !keys.contains(key.string ?? "") {
                throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: key), "`\(kind)` has no parameter `\(key.string ?? "")`; it takes \(keys.sorted().joined(separator: ", "))")
            }
        }

        func target() throws(ExerciseDefinitionError) -> CheckTarget {
            switch (node["name"]?.string, node["expression"]?.string) {
            case (let name?, nil):
                guard ExerciseDecoder.isIdentifier(name) else {
                    throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: node), "`name: \(name)` is not a variable name; use `expression:` for expressions")
                }
                return .name(name)
            case (nil, let expression?): return .expression(expression)
            default:
                throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: node), "`\(kind)` needs exactly one of `name` or `expression`")
            }
        }

        func string(_ key: String) throws(ExerciseDefinitionError) -> String {
            guard let value = node[key]?.string, !value.isEmpty else {
                throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: node), "`\(kind)` needs `\(key)`")
            }
            return value
        }

        func number(_ key: String) throws(ExerciseDefinitionError) -> Double? {
            guard let value = node[key] else { return nil }
            guard let number = value.float ?? value.int.map(Double.init), number >= 0 else {
                throw ExerciseDefinitionError(line: ExerciseDecoder.line(of: value), "`\(kind).\(key)` must be a non-negative number")
            }
            return number
        }
    }
}
