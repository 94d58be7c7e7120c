import Foundation
import Testing
@testable import Course

private let courseExercises = ["creating-embeddings", "digging-into-the-response", "shorter-embeddings"]

/// A temporary folder of learner folders, removed when the test ends.
private struct SubmissionsFolder: ~Copyable {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("grade-\(UUID().uuidString)")
        for (path, contents) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

@Test("a folder of learner folders becomes jobs in learner then course order, and stray files are listed as ignored")
func folderDiscovery() throws {
    let folder = try SubmissionsFolder([
        "bob/shorter-embeddings.py": "x = 1",
        "bob/creating-embeddings.py": "x = 1",
        "alice/digging-into-the-response.py": "x = 1",
        "alice/notes.txt": "ideas",
        ".hidden/creating-embeddings.py": "x = 1",
    ])
    let (jobs, ignored) = try SubmissionDiscovery.jobs(folder: folder.url.path, knownExercises: courseExercises)
    #expect(jobs.map { "\($0.learner)/\($0.exercise)" } == [
        "alice/digging-into-the-response", "bob/creating-embeddings", "bob/shorter-embeddings",
    ])
    #expect(ignored.map { URL(fileURLWithPath: $0).lastPathComponent } == ["notes.txt"])
}

@Test("grading input mistakes are usage errors that say what to do")
func discoveryErrors() throws {
    let empty = try SubmissionsFolder(["alice/readme.md": "nothing"])
    #expect(throws: GradingInputError.noSubmissions(empty.url.path)) {
        try SubmissionDiscovery.jobs(folder: empty.url.path, knownExercises: courseExercises)
    }
    #expect(throws: GradingInputError.missingFile("/nonexistent/alice.py")) {
        try SubmissionDiscovery.jobs(exercise: "creating-embeddings", files: ["/nonexistent/alice.py"], knownExercises: courseExercises)
    }
    do {
        _ = try SubmissionDiscovery.jobs(exercise: "creating-embedding", files: [], knownExercises: courseExercises)
        Issue.record("an unknown exercise was accepted")
    } catch {
        #expect(error.description.contains("Did you mean `creating-embeddings`?"))
    }
}

@Test("files given for one exercise are one learner each, named after the file")
func fileDiscovery() throws {
    let folder = try SubmissionsFolder(["alice.py": "x = 1", "bob.py": "x = 2"])
    let files = ["alice.py", "bob.py"].map { folder.url.appendingPathComponent($0).path }
    let jobs = try SubmissionDiscovery.jobs(exercise: "shorter-embeddings", files: files, knownExercises: courseExercises)
    #expect(jobs.map(\.learner) == ["alice", "bob"])
    #expect(jobs.allSatisfy { $0.exercise == "shorter-embeddings" })
}

/// Counts how many gradings run at the same moment.
private actor ConcurrencyGauge {
    private(set) var running = 0
    private(set) var highest = 0
    func enter() { running += 1; highest = max(highest, running) }
    func leave() { running -= 1 }
}

@Test("a batch runs no more gradings at once than its limit and reports learners and exercises in order")
func batchBoundsConcurrency() async {
    let jobs = (0..<12).map { index in
        GradingJob(learner: "learner\(index % 4)", exercise: courseExercises[2 - index / 4], file: "f\(index).py")
    }
    let gauge = ConcurrencyGauge()
    let report = await GradingBatch.run(jobs, exercises: courseExercises, concurrency: 3) { job in
        await gauge.enter()
        try? await Task.sleep(for: .milliseconds(20))
        await gauge.leave()
        let passed = job.learner != "learner1"
        return SubmissionGrade(exercise: job.exercise, file: job.file, status: passed ? .passed : .failed,
                               checksPassed: passed ? 2 : 1, checksTotal: 2, feedback: "", durationSeconds: 0.02)
    }
    #expect(await gauge.highest == 3)
    #expect(report.learners.map(\.learner) == ["learner0", "learner1", "learner2", "learner3"])
    #expect(report.learners[0].submissions.map(\.exercise) == courseExercises)
    #expect(report.exercises == courseExercises)
    #expect(report.passedCount == 9 && report.failedCount == 3)
}
