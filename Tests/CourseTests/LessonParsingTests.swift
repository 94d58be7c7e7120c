import Course
import Foundation
import Testing

@Suite("Lesson files")
struct LessonParsingTests {
    static let validLesson = """
    id: sample
    title: A sample
    summary: Every kind of step once.
    steps:
      - id: intro
        kind: text
        text: Hello.
      - id: pick
        kind: choice
        prompt: Pick B.
        choices: [A, B, C]
        answer: B
        feedback:
          A: Not A.
        hints: [It is the second.]
        explanation: B it is.
      - id: several
        kind: multi
        prompt: Pick A and C.
        choices: [A, B, C]
        answers: [A, C]
        hints: [Two of them.]
        explanation: A and C.
      - id: word
        kind: answer
        prompt: Name the measure.
        accept: [cosine similarity]
        patterns: ["cos(ine)?"]
        hints: [Trigonometry.]
        explanation: Cosine.
      - id: count
        kind: number
        prompt: How many?
        answer: 1536
        tolerance: 0
        hints: [Many.]
        explanation: 1536.
      - id: sort
        kind: match
        prompt: Sort them.
        categories: [fruit, tool]
        items:
          - item: apple
            category: fruit
          - item: hammer
            category: tool
        hints: [Can you eat it?]
        explanation: Apples are fruit.
    """

    @Test("a valid lesson with every step kind parses, in order, with its details")
    func validLessonParses() throws {
        let lesson = try LessonParser.parse(yaml: Self.validLesson, file: "sample.yaml")
        #expect(lesson.id == "sample")
        #expect(lesson.steps.map(\.id) == ["intro", "pick", "several", "word", "count", "sort"])
        let kinds = lesson.steps.compactMap { $0.question?.answer.kindName }
        #expect(kinds == ["choice", "multi", "text", "number", "match"])
        let pick = try #require(lesson.steps[1].question)
        #expect(pick.feedback["A"] == "Not A.")
        #expect(pick.hints == ["It is the second."])
        guard case .match(let match) = lesson.steps[5].question?.answer else {
            Issue.record("the last step should be a match question")
            return
        }
        #expect(match.correctCategories == [0, 1])
    }

    private func failure(_ yaml: String) -> LessonFileError? {
        do {
            _ = try LessonParser.parse(yaml: yaml, file: "broken.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("bad YAML is reported with the file and the line of the syntax error")
    func badYAML() throws {
        let error = try #require(failure("id: x\ntitle: y\nsteps:\n  - id: a\n    kind: text\n    text: [unclosed\n"))
        #expect(error.file == "broken.yaml")
        #expect(error.line != nil)
        #expect(error.description.hasPrefix("broken.yaml:"))
        #expect(error.message.contains("not valid YAML"))
    }

    @Test("an unknown step kind is reported at the line of its kind", arguments: ["essay", "excercise"])
    func unknownKind(kind: String) throws {
        let yaml = "id: x\ntitle: y\nsteps:\n  - id: a\n    kind: text\n    text: hi\n  - id: b\n    kind: \(kind)\n    prompt: p\n"
        let error = try #require(failure(yaml))
        #expect(error.line == 8)
        #expect(error.message.contains("unknown step kind `\(kind)`"))
        #expect(error.description.hasPrefix("broken.yaml:8: "))
    }

    @Test("a choice question whose answer is not among its choices is rejected at the answer's line")
    func answerNotAmongChoices() throws {
        let yaml = """
        id: x
        title: y
        steps:
          - id: q
            kind: choice
            prompt: p
            choices: [A, B]
            answer: C
            hints: [h]
            explanation: e
        """
        let error = try #require(failure(yaml))
        #expect(error.line == 8)
        #expect(error.message.contains("`C` is not among the choices"))
    }

    @Test("duplicate step ids are rejected at the second step")
    func duplicateIDs() throws {
        let yaml = "id: x\ntitle: y\nsteps:\n  - id: a\n    kind: text\n    text: one\n  - id: a\n    kind: text\n    text: two\n"
        let error = try #require(failure(yaml))
        #expect(error.line == 7)
        #expect(error.message.contains("duplicate step id `a`"))
    }

    @Test("a misspelt key is rejected with a suggestion instead of silently losing its content")
    func misspeltKey() throws {
        let yaml = "id: x\ntitle: y\nsteps:\n  - id: q\n    kind: number\n    prompt: p\n    answer: 3\n    hint: [h]\n    explanation: e\n"
        let error = try #require(failure(yaml))
        #expect(error.line == 8)
        #expect(error.message.contains("did you mean `hints`"))
    }

    @Test("questions without hints or explanation, and match items in unknown categories, are rejected")
    func missingTeachingParts() throws {
        let noHints = "id: x\ntitle: y\nsteps:\n  - id: q\n    kind: number\n    prompt: p\n    answer: 3\n    explanation: e\n"
        #expect(failure(noHints)?.message.contains("needs `hints:`") == true)
        let badCategory = """
        id: x
        title: y
        steps:
          - id: q
            kind: match
            prompt: p
            categories: [a, b]
            items:
              - item: one
                category: c
            hints: [h]
            explanation: e
        """
        let error = try #require(failure(badCategory))
        #expect(error.line == 10)
        #expect(error.message.contains("category `c`"))
    }

    @Test("feedback for something that is not a choice is rejected, so typos in feedback keys are caught")
    func feedbackForUnknownChoice() throws {
        let yaml = """
        id: x
        title: y
        steps:
          - id: q
            kind: choice
            prompt: p
            choices: [A, B]
            answer: A
            feedback:
              Bee: no
            hints: [h]
            explanation: e
        """
        let error = try #require(failure(yaml))
        #expect(error.line == 10)
    }

    @Test("the manifest refuses a lesson whose file is missing, at the manifest's line")
    func manifestMissingLesson() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        let lessons = directory.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appendingPathComponent("course.yaml")
        try "title: T\nlessons:\n  - sample\n  - missing\n".write(to: manifest, atomically: true, encoding: .utf8)
        try Self.validLesson.write(to: lessons.appendingPathComponent("sample.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try CourseLoader.load(manifest: manifest, lessonsDirectory: lessons)
            Issue.record("loading should fail")
        } catch {
            #expect(error.description == "course.yaml:4: lesson `missing` has no file lessons/missing.yaml")
        }
    }

    @Test("the bundled course loads: lessons 1 and 2, each with 8 to 12 steps and the required question kinds")
    func bundledCourse() throws {
        let course = try CourseLoader.loadBundled()
        #expect(course.lessons.prefix(2).map(\.id) == ["what-are-embeddings", "embeddings-applications"])
        for lesson in course.lessons {
            #expect((8...12).contains(lesson.steps.count), "\(lesson.id) has \(lesson.steps.count) steps")
        }
        let kinds = Set(course.lessons.flatMap(\.steps).compactMap { $0.question?.answer.kindName })
        #expect(kinds.isSuperset(of: ["choice", "multi", "text", "number", "match"]))
    }
}
