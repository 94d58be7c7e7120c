import Course
import Foundation

/// How long the course takes to start: loading and validating the bundled lessons, and reading
/// and replaying a long progress log; and what durability costs: one fsync'd append per event.
enum CourseBenchmark {
    static func run() {
        print("== Course (swift run -c release Benchmarks, via `make bench`)")
        measureLoading()
        measureLog()
    }

    private static func measureLoading() {
        let runs = 50
        let start = Date()
        var steps = 0
        for _ in 0..<runs {
            guard let course = try? CourseLoader.loadBundled() else {
                print("load bundled course: the bundled lessons did not load")
                return
            }
            steps = course.lessons.reduce(0) { $0 + $1.steps.count }
        }
        let perLoad = Date().timeIntervalSince(start) / Double(runs) * 1000
        print(String(format: "load and validate the bundled course (%d steps): %.2f ms per load, mean of %d", steps, perLoad, runs))
    }

    private static func measureLog() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            print("progress log: cannot create \(directory.path): \(error)")
            return
        }
        let log = ProgressLog(directory: directory)
        let appends = 200
        let appendStart = Date()
        for index in 0..<appends {
            do {
                try log.append(ProgressEvent(kind: .answered, lesson: "what-are-embeddings", step: "s\(index % 11)", answer: "1,3", correct: index % 3 == 0))
            } catch {
                print("progress log: \(error)")
                return
            }
        }
        let perAppend = Date().timeIntervalSince(appendStart) / Double(appends) * 1000
        print(String(format: "append one event (write + fsync): %.3f ms per event, mean of %d", perAppend, appends))

        let bulk = 100_000
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var data = Data()
        let event = ProgressEvent(kind: .answered, lesson: "what-are-embeddings", step: "what-models-do", answer: "1,3", correct: false)
        guard let line = try? encoder.encode(event) else { return }
        for _ in 0..<bulk {
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        do {
            try data.write(to: log.url)
        } catch {
            print("progress log: \(error)")
            return
        }
        let readStart = Date()
        guard let contents = try? log.read() else {
            print("progress log: could not read the benchmark log")
            return
        }
        let readTime = Date().timeIntervalSince(readStart) * 1000
        let replayStart = Date()
        let state = ProgressState(events: contents.events)
        let replayTime = Date().timeIntervalSince(replayStart) * 1000
        let attempts = state.lesson("what-are-embeddings").totalAttempts
        print(String(format: "read a %d-event log: %.1f ms; replay it (%d attempts): %.1f ms", bulk, readTime, attempts, replayTime))
    }
}
