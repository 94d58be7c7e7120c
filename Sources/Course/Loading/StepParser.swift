import Yams

/// Turns one `steps:` entry into a `Step`. Each kind has its own reader; a new kind
/// (the code exercise) is one more entry in `kinds` and one more `StepContent` case.
struct StepParser {
    let file: String

    /// The step kinds this version understands, in the order listed in error messages.
    static let kinds = ["text", "choice", "multi", "answer", "number", "match", "exercise"]

    private static let questionKeys = ["id", "kind", "prompt", "hints", "feedback", "explanation"]

    func parse(_ node: Node) throws(LessonFileError) -> Step {
        let fields = try YAMLMapping(node, file: file, what: "a step")
        let id = try fields.string("id", in: "every step")
        let kindNode = fields.value("kind")
        let kind = try kindNode.map { node throws(LessonFileError) in try fields.scalarString(node, key: "kind") } ?? ""
        switch kind {
        case "text":
            try fields.requireOnly(["id", "kind", "text"], in: "a text step")
            return Step(id: id, content: .text(try fields.string("text", in: "a text step")))
        case "choice":
            try fields.requireOnly(Self.questionKeys + ["choices", "answer"], in: "a choice question")
            return Step(id: id, content: .question(try question(fields, answer: .choice(try choice(fields)))))
        case "multi":
            try fields.requireOnly(Self.questionKeys + ["choices", "answers"], in: "a multi question")
            return Step(id: id, content: .question(try question(fields, answer: .multi(try multi(fields)))))
        case "answer":
            try fields.requireOnly(Self.questionKeys + ["accept", "patterns"], in: "an answer question")
            return Step(id: id, content: .question(try question(fields, answer: .text(try textAnswer(fields)))))
        case "number":
            try fields.requireOnly(Self.questionKeys + ["answer", "tolerance"], in: "a number question")
            return Step(id: id, content: .question(try question(fields, answer: .number(try number(fields)))))
        case "match":
            try fields.requireOnly(Self.questionKeys + ["categories", "items"], in: "a match question")
            return Step(id: id, content: .question(try question(fields, answer: .match(try match(fields)))))
        case "exercise":
            do {
                return Step(id: id, content: .exercise(try ExerciseDecoder.decode(node)))
            } catch {
                throw LessonFileError(file: file, line: error.line ?? fields.line, message: error.message)
            }
        case "":
            throw LessonFileError(file: file, line: fields.line, message: "step `\(id)` needs `kind:` (one of \(Self.kinds.joined(separator: ", ")))")
        default:
            throw LessonFileError(file: file, line: kindNode?.mark?.line ?? fields.line,
                                  message: "unknown step kind `\(kind)` (known kinds: \(Self.kinds.joined(separator: ", ")))")
        }
    }

    private func question(_ fields: YAMLMapping, answer: AnswerKey) throws(LessonFileError) -> Question {
        let prompt = try fields.string("prompt", in: "a question")
        let hints = try fields.stringList("hints", in: "a question", required: true).map(\.0)
        let explanation = try fields.string("explanation", in: "a question")
        let feedbackEntries = try fields.stringMap("feedback")
        for entry in feedbackEntries {
            try validateFeedbackKey(entry.key, line: entry.line, answer: answer)
        }
        var feedback: [String: String] = [:]
        for entry in feedbackEntries { feedback[entry.key] = entry.value }
        return Question(prompt: prompt, answer: answer, hints: hints, feedback: feedback, explanation: explanation)
    }

    private func validateFeedbackKey(_ key: String, line: Int?, answer: AnswerKey) throws(LessonFileError) {
        switch answer {
        case .choice(let key2) where !key2.choices.contains(key):
            throw LessonFileError(file: file, line: line, message: "feedback is for `\(key)`, which is not one of the choices")
        case .multi(let key2) where !key2.choices.contains(key):
            throw LessonFileError(file: file, line: line, message: "feedback is for `\(key)`, which is not one of the choices")
        case .match(let key2) where !key2.items.contains(key):
            throw LessonFileError(file: file, line: line, message: "feedback is for `\(key)`, which is not one of the items")
        case .number where NumberAnswer.parse(key) == nil:
            throw LessonFileError(file: file, line: line, message: "feedback keys of a number question must be numbers, not `\(key)`")
        case .text(let key2) where key2.accepted.contains(where: { AnswerNormalizer.normalize($0) == AnswerNormalizer.normalize(key) }):
            throw LessonFileError(file: file, line: line, message: "feedback is for `\(key)`, which is an accepted answer")
        default:
            return
        }
    }

    private func choices(_ fields: YAMLMapping, minimum: Int) throws(LessonFileError) -> [String] {
        let entries = try fields.stringList("choices", in: "a question with choices", required: true)
        if entries.count < minimum {
            throw LessonFileError(file: file, line: fields.value("choices")?.mark?.line, message: "give at least \(minimum) choices")
        }
        if entries.count > 26 {
            throw LessonFileError(file: file, line: fields.value("choices")?.mark?.line, message: "give at most 26 choices (they are lettered a–z)")
        }
        var seen: [String] = []
        for (text, line) in entries {
            if seen.contains(text) { throw LessonFileError(file: file, line: line, message: "choice `\(text)` is listed twice") }
            seen.append(text)
        }
        return seen
    }

    private func choice(_ fields: YAMLMapping) throws(LessonFileError) -> ChoiceAnswer {
        let options = try choices(fields, minimum: 2)
        let answer = try fields.string("answer", in: "a choice question")
        guard let index = options.firstIndex(of: answer) else {
            throw LessonFileError(file: file, line: fields.value("answer")?.mark?.line,
                                  message: "the answer `\(answer)` is not among the choices (copy one of them exactly)")
        }
        return ChoiceAnswer(choices: options, correctIndex: index)
    }

    private func multi(_ fields: YAMLMapping) throws(LessonFileError) -> MultipleChoiceAnswer {
        let options = try choices(fields, minimum: 2)
        var correct = Set<Int>()
        for (answer, line) in try fields.stringList("answers", in: "a multi question", required: true) {
            guard let index = options.firstIndex(of: answer) else {
                throw LessonFileError(file: file, line: line, message: "the answer `\(answer)` is not among the choices (copy one of them exactly)")
            }
            correct.insert(index)
        }
        return MultipleChoiceAnswer(choices: options, correctIndices: correct)
    }

    private func textAnswer(_ fields: YAMLMapping) throws(LessonFileError) -> TextAnswer {
        let accepted = try fields.stringList("accept", in: "an answer question", required: false)
        let patterns = try fields.stringList("patterns", in: "an answer question", required: false)
        if accepted.isEmpty && patterns.isEmpty {
            throw LessonFileError(file: file, line: fields.line, message: "an answer question needs `accept:` answers or `patterns:`")
        }
        for (pattern, line) in patterns where !TextAnswer.isValidPattern(pattern) {
            throw LessonFileError(file: file, line: line, message: "`\(pattern)` is not a valid regular expression")
        }
        return TextAnswer(accepted: accepted.map(\.0), patterns: patterns.map(\.0))
    }

    private func number(_ fields: YAMLMapping) throws(LessonFileError) -> NumberAnswer {
        let text = try fields.string("answer", in: "a number question")
        guard let value = NumberAnswer.parse(text) else {
            throw LessonFileError(file: file, line: fields.value("answer")?.mark?.line, message: "the answer `\(text)` is not a number")
        }
        var tolerance = 0.0
        if let toleranceText = try fields.optionalString("tolerance") {
            guard let parsed = NumberAnswer.parse(toleranceText), parsed >= 0 else {
                throw LessonFileError(file: file, line: fields.value("tolerance")?.mark?.line, message: "`tolerance` must be a number ≥ 0")
            }
            tolerance = parsed
        }
        return NumberAnswer(value: value, tolerance: tolerance)
    }

    private func match(_ fields: YAMLMapping) throws(LessonFileError) -> MatchAnswer {
        let categoryEntries = try fields.stringList("categories", in: "a match question", required: true)
        let categories = categoryEntries.map(\.0)
        if categories.count < 2 || categories.count > 26 {
            throw LessonFileError(file: file, line: fields.value("categories")?.mark?.line, message: "give between 2 and 26 categories")
        }
        guard let itemsNode = fields.value("items") else {
            throw LessonFileError(file: file, line: fields.line, message: "a match question needs `items:`")
        }
        guard case .sequence(let sequence) = itemsNode, !sequence.isEmpty else {
            throw LessonFileError(file: file, line: itemsNode.mark?.line, message: "`items` must be a non-empty list of `- item: …` / `category: …` entries")
        }
        var items: [String] = []
        var correct: [Int] = []
        for element in sequence {
            let entry = try YAMLMapping(element, file: file, what: "a match item")
            try entry.requireOnly(["item", "category"], in: "a match item")
            let item = try entry.string("item", in: "a match item")
            let category = try entry.string("category", in: "a match item")
            guard let index = categories.firstIndex(of: category) else {
                throw LessonFileError(file: file, line: entry.value("category")?.mark?.line,
                                      message: "category `\(category)` is not one of the categories (\(categories.joined(separator: ", ")))")
            }
            if items.contains(item) {
                throw LessonFileError(file: file, line: entry.line, message: "item `\(item)` is listed twice")
            }
            items.append(item)
            correct.append(index)
        }
        return MatchAnswer(categories: categories, items: items, correctCategories: correct)
    }
}
