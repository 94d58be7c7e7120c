import Yams

/// Composes YAML text into a node tree, turning Yams' syntax errors into `file:line:` errors.
enum YAMLDocument {
    static func compose(_ yaml: String, file: String) throws(LessonFileError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw describe(error, file: file)
        } catch {
            throw LessonFileError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let node else {
            throw LessonFileError(file: file, line: nil, message: "the file is empty")
        }
        return node
    }

    private static func describe(_ error: YamlError, file: String) -> LessonFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            return LessonFileError(file: file, line: mark.line, message: "not valid YAML: \(problem)\(contextText)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return LessonFileError(file: file, line: context.mark.line, message: "key given twice: \(duplicates.joined(separator: ", "))")
        default:
            return LessonFileError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
    }
}
