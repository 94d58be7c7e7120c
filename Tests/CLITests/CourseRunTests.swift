import Course
import Foundation
import Testing

/// End-to-end: the learner's path through the built binary with piped input.
@Suite("Running the course through piped input")
struct CourseRunTests {
    /// The lines a learner types to get through `lesson` correctly: Enter for reading steps,
    /// a right answer (taken from the lesson itself) for questions.
    static func correctInputs(for lesson: Lesson) -> [String] {
        lesson.steps.map { step in step.question?.answer.sampleCorrectAnswer ?? "" }
    }

    @Test("lessons 1 and 2 can be completed start to finish, with headers, no escape codes, and progress recorded")
    func completeLessonsOneAndTwo() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = try CourseLoader.loadBundled()
        let firstTwo = Array(course.lessons.prefix(2))
        let input = firstTwo.flatMap(Self.correctInputs).joined(separator: "\n") + "\n"
        let run = try EmbedlingsProcess.run([], input: input, home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("Lesson 1/\(course.lessons.count) · step 1/\(firstTwo[0].steps.count)"))
        #expect(run.stdout.contains("Lesson 2/\(course.lessons.count) · step \(firstTwo[1].steps.count)/\(firstTwo[1].steps.count)"))
        #expect(run.stdout.contains("Lesson 1 complete"))
        #expect(run.stdout.contains("Lesson 2 complete"))
        #expect(!run.stdout.contains("Not quite"))
        #expect(!run.stdout.contains("\u{1B}"))

        let progress = try EmbedlingsProcess.run(["progress", "--json"], home: home)
        #expect(progress.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any]
        let lessons = try #require(report?["lessons"] as? [[String: Any]])
        #expect(lessons.prefix(2).map { $0["status"] as? String } == ["done", "done"])
        #expect(lessons.first?["steps_done"] as? Int == firstTwo[0].steps.count)

        if course.lessons.count == 2 {
            let again = try EmbedlingsProcess.run([], home: home)
            #expect(again.status == 0)
            #expect(again.stdout.contains("You have finished every lesson."))
        }
    }

    @Test("quitting half-way and starting again resumes at the exact step")
    func resumeAtSameStep() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = try CourseLoader.loadBundled()
        let lesson = course.lessons[0]
        let firstFour = Self.correctInputs(for: lesson).prefix(4)
        let first = try EmbedlingsProcess.run([], input: firstFour.joined(separator: "\n") + "\n:quit\n", home: home)
        #expect(first.status == 0)
        #expect(first.stdout.contains("Progress saved. Run `embedlings` to continue at lesson 1, step 5."))

        let second = try EmbedlingsProcess.run([], input: "", home: home)
        #expect(second.status == 0)
        let firstHeader = second.stdout.split(separator: "\n").first { $0.hasPrefix("Lesson ") }
        #expect(firstHeader?.hasPrefix("Lesson 1/\(course.lessons.count) · step 5/\(lesson.steps.count)") == true)

        let third = try EmbedlingsProcess.run([], input: ":back\n:back\n", home: home)
        #expect(third.stdout.contains("Progress saved. Run `embedlings` to continue at lesson 1, step 3."))
        let fourth = try EmbedlingsProcess.run(["start"], home: home)
        #expect(fourth.stdout.contains("· step 3/\(lesson.steps.count)"))
    }

    @Test("wrong answers get feedback, hints come one at a time, and unknown commands suggest the nearest")
    func feedbackHintsAndCommands() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = try CourseLoader.loadBundled()
        let lesson = course.lessons[0]
        let index = try #require(lesson.steps.firstIndex { if case .choice = $0.question?.answer { true } else { false } })
        let question = try #require(lesson.steps[index].question)
        let (wrong, feedback) = try #require(question.feedback.first)
        let input = [":goto 1 \(index + 1)", wrong, ":hnit", ":hint", ":hint", ":frobnicate", "42", ":quit"].joined(separator: "\n") + "\n"
        let run = try EmbedlingsProcess.run([], input: input, home: home)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Not quite"))
        #expect(run.stdout.contains(String(feedback.prefix(30))))
        #expect(run.stdout.contains("Unknown command :hnit. Did you mean :hint?"))
        #expect(run.stdout.contains("Hint 1/\(question.hints.count): "))
        #expect(run.stdout.contains("Unknown command :frobnicate. Type :help to see the commands."))
        #expect(run.stdout.contains("is not one of the choices"))

        let progress = try EmbedlingsProcess.run(["progress"], home: home)
        #expect(progress.stdout.contains("1 answer given"))
    }

    @Test("a corrupt line in the progress log gives one warning and keeps the rest")
    func corruptLog() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try EmbedlingsProcess.run([], input: "\n\n:quit\n", home: home)
        let log = home.appendingPathComponent("progress.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"kind":"visi"#.utf8))
        try handle.close()

        let run = try EmbedlingsProcess.run([], input: ":quit\n", home: home)
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("skipped 1 unreadable line") == true)
        #expect(run.stdout.contains("· step 3/"))
    }

    @Test("two processes answering at once never interleave lines in the progress log")
    func concurrentProcesses() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let course = try CourseLoader.loadBundled()
        let lesson = course.lessons[0]
        let index = try #require(lesson.steps.firstIndex { if case .text = $0.question?.answer { true } else { false } })
        let answersPerProcess = 150
        func script(_ letter: Character) -> String {
            let wrong = String(repeating: letter, count: 6000)
            return ":goto 1 \(index + 1)\n" + String(repeating: wrong + "\n", count: answersPerProcess) + ":quit\n"
        }
        let group = DispatchGroup()
        let statuses = StatusBox()
        for letter: Character in ["x", "y"] {
            let input = script(letter)
            DispatchQueue.global().async(group: group) {
                let status = (try? EmbedlingsProcess.run([], input: input, home: home, timeout: 120).status) ?? -1
                statuses.append(status)
            }
        }
        group.wait()
        #expect(statuses.values == [0, 0])

        let lines = try String(contentsOf: home.appendingPathComponent("progress.jsonl"), encoding: .utf8).split(separator: "\n")
        var answered = 0
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if object?["kind"] as? String == "answered" {
                let answer = try #require(object?["answer"] as? String)
                #expect(Set(answer).count == 1, "an answer mixes two processes' text")
                answered += 1
            }
        }
        #expect(answered == 2 * answersPerProcess)
    }
}

/// Collects exit statuses from concurrent runs.
final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int32] = []

    func append(_ status: Int32) {
        lock.lock()
        storage.append(status)
        lock.unlock()
    }

    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
