import Yams

/// Reads one lesson file. Every problem is reported as `file:line: what is wrong`.
public enum LessonParser {
    /// Parses a lesson's YAML text; `file` is the name used in error messages.
    public static func parse(yaml: String, file: String) throws(LessonFileError) -> Lesson {
        let root = try YAMLDocument.compose(yaml, file: file)
        let fields = try YAMLMapping(root, file: file, what: "a lesson file")
        try fields.requireOnly(["id", "title", "summary", "steps"], in: "a lesson")
        let id = try fields.string("id", in: "a lesson")
        let title = try fields.string("title", in: "a lesson")
        let summary = try fields.optionalString("summary") ?? ""
        guard let stepsNode = fields.value("steps") else {
            throw LessonFileError(file: file, line: fields.line, message: "a lesson needs `steps:`")
        }
        guard case .sequence(let sequence) = stepsNode, !sequence.isEmpty else {
            throw LessonFileError(file: file, line: stepsNode.mark?.line, message: "`steps` must be a non-empty list")
        }
        let parser = StepParser(file: file)
        var steps: [Step] = []
        for element in sequence {
            let step = try parser.parse(element)
            if steps.contains(where: { $0.id == step.id }) {
                throw LessonFileError(file: file, line: element.mark?.line, message: "duplicate step id `\(step.id)` in this lesson")
            }
            steps.append(step)
        }
        return Lesson(id: id, title: title, summary: summary, steps: steps)
    }
}
