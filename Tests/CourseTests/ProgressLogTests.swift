import Course
import Foundation
import Testing

@Suite("Progress log")
struct ProgressLogTests {
    private func temporaryLog() throws -> (ProgressLog, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (ProgressLog(directory: directory), directory)
    }

    @Test("events written are read back in order, one JSON line each")
    func roundTrip() throws {
        let (log, directory) = try temporaryLog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = [
            ProgressEvent(kind: .visited, lesson: "one", step: "intro"),
            ProgressEvent(kind: .answered, lesson: "one", step: "q", answer: "1,3", correct: false),
            ProgressEvent(kind: .hintShown, lesson: "one", step: "q", hint: 1),
        ]
        for event in events { try log.append(event) }
        let contents = try log.read()
        #expect(contents.skippedLines.isEmpty)
        #expect(contents.events.map(\.kind) == [.visited, .answered, .hintShown])
        #expect(contents.events[1].answer == "1,3")
        let text = try String(contentsOf: log.url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.hasSuffix("\n"))
    }

    @Test("replaying the log resumes at the exact step last shown, with attempts and hints counted")
    func resume() {
        let state = ProgressState(events: [
            ProgressEvent(kind: .visited, lesson: "one", step: "a"),
            ProgressEvent(kind: .stepDone, lesson: "one", step: "a"),
            ProgressEvent(kind: .visited, lesson: "one", step: "b"),
            ProgressEvent(kind: .answered, lesson: "one", step: "b", answer: "x", correct: false),
            ProgressEvent(kind: .hintShown, lesson: "one", step: "b", hint: 1),
            ProgressEvent(kind: .hintShown, lesson: "one", step: "b", hint: 2),
        ])
        #expect(state.currentLesson == "one")
        let lesson = state.lesson("one")
        #expect(lesson.currentStep == "b")
        #expect(lesson.doneSteps == ["a"])
        #expect(lesson.attempts["b"] == 1)
        #expect(lesson.hintsShown["b"] == 2)
    }

    @Test("a reset forgets one lesson, or everything, while the log keeps its history")
    func reset() {
        var state = ProgressState(events: [
            ProgressEvent(kind: .visited, lesson: "one", step: "a"),
            ProgressEvent(kind: .lessonDone, lesson: "one"),
            ProgressEvent(kind: .visited, lesson: "two", step: "c"),
            ProgressEvent(kind: .reset, lesson: "one"),
        ])
        #expect(state.lesson("one") == LessonProgress())
        #expect(state.lesson("two").currentStep == "c")
        state.apply(ProgressEvent(kind: .reset, lesson: nil))
        #expect(state.lessons.isEmpty)
        #expect(state.currentLesson == nil)
    }

    @Test("a truncated last line (power cut, kill -9) is skipped with one warning and earlier answers survive")
    func truncatedLine() throws {
        let (log, directory) = try temporaryLog()
        defer { try? FileManager.default.removeItem(at: directory) }
        try log.append(ProgressEvent(kind: .visited, lesson: "one", step: "a"))
        try log.append(ProgressEvent(kind: .answered, lesson: "one", step: "a", answer: "b", correct: true))
        let handle = try FileHandle(forWritingTo: log.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"kind":"answered","lesson":"one","st"#.utf8))
        try handle.close()

        let contents = try log.read()
        #expect(contents.events.count == 2)
        #expect(contents.skippedLines == [3])
        let warning = try #require(contents.warning(path: "progress.jsonl"))
        #expect(warning.contains("skipped 1 unreadable line (first at line 3)"))

        try log.append(ProgressEvent(kind: .stepDone, lesson: "one", step: "a"))
        let repaired = try log.read()
        #expect(repaired.events.map(\.kind) == [.visited, .answered, .stepDone])
        #expect(repaired.skippedLines == [3])
    }

    @Test("a corrupt line in the middle is skipped and the lines around it are kept")
    func corruptMiddleLine() throws {
        let (log, directory) = try temporaryLog()
        defer { try? FileManager.default.removeItem(at: directory) }
        try log.append(ProgressEvent(kind: .visited, lesson: "one", step: "a"))
        let handle = try FileHandle(forWritingTo: log.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\u{0}\u{0}garbage\n{\"kind\":\"no-such-kind\"}\n".utf8))
        try handle.close()
        try log.append(ProgressEvent(kind: .visited, lesson: "one", step: "b"))
        let contents = try log.read()
        #expect(contents.events.map(\.step) == ["a", "b"])
        #expect(contents.skippedLines == [2, 3])
        #expect(ProgressState(events: contents.events).lesson("one").currentStep == "b")
    }

    @Test("a missing log is an empty one; an unwritable one fails with its path and reason")
    func missingAndUnwritable() throws {
        let missing = ProgressLog(url: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/progress.jsonl"))
        #expect(try missing.read().events.isEmpty)
        do {
            try missing.append(ProgressEvent(kind: .visited, lesson: "one", step: "a"))
            Issue.record("appending under a missing directory should fail")
        } catch {
            #expect(error.description.contains(missing.url.path))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    @Test("threads appending through separate descriptors never interleave lines")
    func concurrentAppends() async throws {
        let (log, directory) = try temporaryLog()
        defer { try? FileManager.default.removeItem(at: directory) }
        let longAnswer = String(repeating: "x", count: 5000)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<50 {
                        try? log.append(ProgressEvent(kind: .answered, lesson: "w\(writer)", step: "s\(index)", answer: longAnswer, correct: false))
                    }
                }
            }
        }
        let contents = try log.read()
        #expect(contents.skippedLines.isEmpty)
        #expect(contents.events.count == 200)
    }
}
