import Foundation
import Yams

/// A YAML mapping read field by field, every problem reported at the line of the node concerned.
/// Unknown keys are errors (a misspelt `hint:` would otherwise silently lose the hints).
struct YAMLMapping {
    let file: String
    let node: Node
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, file: String, what: String) throws(LessonFileError) {
        self.file = file
        self.node = node
        guard case .mapping(let mapping) = node else {
            throw LessonFileError(file: file, line: node.mark?.line, message: "\(what) must be a mapping of `key: value` lines")
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw LessonFileError(file: file, line: keyNode.mark?.line, message: "keys must be plain words")
            }
            if pairs.contains(where: { $0.key == key }) {
                throw LessonFileError(file: file, line: keyNode.mark?.line, message: "`\(key)` is given twice")
            }
            pairs.append((key, keyNode, value))
        }
        self.pairs = pairs
    }

    var line: Int? { node.mark?.line }

    /// Rejects keys outside `allowed`, suggesting the nearest allowed one.
    func requireOnly(_ allowed: [String], in what: String) throws(LessonFileError) {
        for pair in pairs where !allowed.contains(pair.key) {
            let suggestion = EditDistance.nearest(to: pair.key, among: allowed).map { " (did you mean `\($0)`?)" } ?? ""
            throw LessonFileError(file: file, line: pair.keyNode.mark?.line,
                                  message: "unknown key `\(pair.key)` in \(what)\(suggestion)")
        }
    }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func string(_ key: String, in what: String) throws(LessonFileError) -> String {
        guard let node = value(key) else {
            throw LessonFileError(file: file, line: line, message: "\(what) needs `\(key):`")
        }
        return try scalarString(node, key: key)
    }

    func optionalString(_ key: String) throws(LessonFileError) -> String? {
        guard let node = value(key) else { return nil }
        return try scalarString(node, key: key)
    }

    func stringList(_ key: String, in what: String, required: Bool) throws(LessonFileError) -> [(String, Int?)] {
        guard let node = value(key) else {
            if required { throw LessonFileError(file: file, line: line, message: "\(what) needs `\(key):`") }
            return []
        }
        guard case .sequence(let sequence) = node else {
            throw LessonFileError(file: file, line: node.mark?.line, message: "`\(key)` must be a list (lines starting with `- `)")
        }
        var result: [(String, Int?)] = []
        for element in sequence {
            result.append((try scalarString(element, key: key), element.mark?.line))
        }
        if required && result.isEmpty {
            throw LessonFileError(file: file, line: node.mark?.line, message: "`\(key)` must not be empty")
        }
        return result
    }

    func stringMap(_ key: String) throws(LessonFileError) -> [(key: String, value: String, line: Int?)] {
        guard let node = value(key) else { return [] }
        let mapping = try YAMLMapping(node, file: file, what: "`\(key)`")
        var result: [(key: String, value: String, line: Int?)] = []
        for pair in mapping.pairs {
            result.append((pair.key, try mapping.scalarString(pair.value, key: pair.key), pair.keyNode.mark?.line))
        }
        return result
    }

    func scalarString(_ node: Node, key: String) throws(LessonFileError) -> String {
        guard let text = node.scalar?.string else {
            throw LessonFileError(file: file, line: node.mark?.line, message: "`\(key)` must be text, not a list or mapping (put text containing `: ` in quotes)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            throw LessonFileError(file: file, line: node.mark?.line, message: "`\(key)` must not be empty")
        }
        return trimmed
    }
}
