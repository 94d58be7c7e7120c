import Course
import Testing

@Suite("Answer checking")
struct AnswerCheckingTests {
    let choice = ChoiceAnswer(choices: ["Turns text into numbers", "Writes text", "Translates"], correctIndex: 0)
    let multi = MultipleChoiceAnswer(choices: ["alpha", "beta", "gamma", "delta"], correctIndices: [0, 2])

    @Test("a choice is accepted by number, letter or its text, in any case and spacing")
    func choiceForms() {
        for input in ["1", "a", "A", " 1 ", "1)", "turns TEXT into numbers!"] {
            #expect(choice.check(input, feedback: [:]) == .correct, "input \(input)")
        }
    }

    @Test("a wrong choice gets the lesson's feedback for that choice")
    func choiceFeedback() {
        let verdict = choice.check("2", feedback: ["Writes text": "That is generation."])
        #expect(verdict == .incorrect(feedback: "That is generation."))
        #expect(choice.check("3", feedback: ["Writes text": "That is generation."]) == .incorrect(feedback: nil))
    }

    @Test("input that names no choice, or several, is unreadable and not an attempt")
    func choiceUnreadable() {
        guard case .unreadable(let message) = choice.check("7", feedback: [:]) else {
            Issue.record("7 is not a choice")
            return
        }
        #expect(message.contains("1–3"))
        guard case .unreadable = choice.check("1 2", feedback: [:]) else {
            Issue.record("two picks for a single choice are unreadable")
            return
        }
    }

    @Test("select-all-that-apply accepts 1,3 / 1 3 / a c / c a / 3, 1", arguments: ["1,3", "1 3", "a c", "c a", "3, 1", "A,C", "1;3"])
    func multiForms(input: String) {
        #expect(multi.check(input, feedback: [:]) == .correct)
    }

    @Test("a partial or padded selection is wrong, saying what is missing or extra")
    func multiPartial() {
        #expect(multi.check("1", feedback: [:]) == .incorrect(feedback: "One right choice is missing."))
        #expect(multi.check("1 2 3", feedback: [:]) == .incorrect(feedback: "One of your picks does not apply."))
        #expect(multi.check("2 4", feedback: [:]) == .incorrect(feedback: "2 of your picks do not apply and 2 right choices are missing."))
        #expect(multi.check("1 2 3", feedback: ["beta": "Beta is a trap."]) == .incorrect(feedback: "Beta is a trap."))
    }

    @Test("text answers ignore case, extra spaces, hyphens, apostrophes and punctuation, but keep decimal points")
    func textNormalisation() {
        let key = TextAnswer(accepted: ["cosine similarity", "text-embedding-3-small"], patterns: [])
        for input in ["Cosine Similarity", "  cosine   similarity. ", "cosine-similarity", "COSINE SIMILARITY!", "text-embedding-3-small"] {
            #expect(key.check(input, feedback: [:]) == .correct, "input \(input)")
        }
        #expect(key.check("cosine", feedback: [:]) == .incorrect(feedback: nil))
        #expect(AnswerNormalizer.normalize("  Hello,   World! ") == "hello world")
        #expect(AnswerNormalizer.normalize("0.5") == "0.5")
        #expect(AnswerNormalizer.normalize("The user’s query.") == "the users query")
        #expect(key.check("text embedding 3 small", feedback: [:]) == .correct)
    }

    @Test("text answers match patterns against the whole normalised answer, and give feedback for known wrong ones")
    func textPatterns() {
        let key = TextAnswer(accepted: [], patterns: ["(the )?cos(ine)?( similarity)?"])
        #expect(key.check("The Cosine", feedback: [:]) == .correct)
        #expect(key.check("cos", feedback: [:]) == .correct)
        #expect(key.check("not cosine", feedback: [:]) == .incorrect(feedback: nil))
        #expect(key.check("Euclidean distance!", feedback: ["euclidean distance": "Close, but no."]) == .incorrect(feedback: "Close, but no."))
    }

    @Test("numbers are right within the tolerance, with thousands separators, and wrong ones say too high or too low")
    func numbers() {
        let key = NumberAnswer(value: 1536, tolerance: 0)
        for input in ["1536", "1,536", "1 536", "1536.0", "+1536"] {
            #expect(key.check(input, feedback: [:]) == .correct, "input \(input)")
        }
        #expect(key.check("1537", feedback: [:]) == .incorrect(feedback: "Too high."))
        #expect(key.check("3072", feedback: ["3072": "That is the large model."]) == .incorrect(feedback: "That is the large model."))
        let approximate = NumberAnswer(value: 6.144, tolerance: 0.25)
        #expect(approximate.check("6", feedback: [:]) == .correct)
        #expect(approximate.check("5.8", feedback: [:]) == .incorrect(feedback: "Too low."))
        guard case .unreadable = key.check("lots", feedback: [:]) else {
            Issue.record("a word is not a number")
            return
        }
    }

    @Test("match answers take one letter per item or numbered pairs in any order")
    func matchForms() {
        let key = MatchAnswer(categories: ["search", "recommendation", "classification"],
                              items: ["help box", "you may also like", "ticket routing"], correctCategories: [0, 1, 2])
        for input in ["a b c", "abc", "A,B,C", "1a 2b 3c", "3c 1a 2b", "1-a 2-b 3-c"] {
            #expect(key.check(input, feedback: [:]) == .correct, "input \(input)")
        }
        #expect(key.check("a c b", feedback: [:]) == .incorrect(feedback: "1 of 3 are in the right place; look again at items 2, 3."))
        #expect(key.check("a b a", feedback: ["ticket routing": "Routing is classification."])
                == .incorrect(feedback: "2 of 3 are in the right place; look again at item 3. Routing is classification."))
        guard case .unreadable(let message) = key.check("a b", feedback: [:]) else {
            Issue.record("too few letters is unreadable")
            return
        }
        #expect(message.contains("3 items"))
        guard case .unreadable = key.check("1a 2b", feedback: [:]) else {
            Issue.record("an unplaced item is unreadable")
            return
        }
    }

    @Test("every bundled question accepts its own answer and gives its feedback to the wrong answers it names")
    func bundledQuestionsAreAnswerable() throws {
        let course = try CourseLoader.loadBundled()
        for lesson in course.lessons {
            for step in lesson.steps {
                guard let question = step.question else { continue }
                let answer = try #require(question.answer.sampleCorrectAnswer, "\(lesson.id)/\(step.id) has no sample answer")
                #expect(question.check(answer) == .correct, "\(lesson.id)/\(step.id) rejects \(answer)")
                for (wrong, feedback) in question.feedback {
                    switch question.answer {
                    case .choice, .text, .number:
                        #expect(question.check(wrong) == .incorrect(feedback: feedback), "\(lesson.id)/\(step.id): \(wrong)")
                    case .multi, .match:
                        continue
                    }
                }
            }
        }
    }
}
