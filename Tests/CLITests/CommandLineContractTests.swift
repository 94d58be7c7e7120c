import Foundation
import Testing

/// The CLI contract of DESIGN.md: subcommands, flags, exit codes 0 / 2, one line on errors.
@Suite("Command-line contract")
struct CommandLineContractTests {
    @Test("--version and --help succeed")
    func versionAndHelp() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let version = try EmbedlingsProcess.run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try EmbedlingsProcess.run(["--help"], home: home)
        #expect(help.status == 0)
        for subcommand in ["start", "lessons", "progress", "reset"] {
            #expect(help.stdout.contains(subcommand))
        }
    }

    @Test("usage and input errors exit 2 with exactly one line on stderr and no stack trace",
          arguments: [["--bogus"], ["start", "no-such-lesson"], ["start", "99"], ["reset", "nope", "--yes"], ["lessons", "extra"]])
    func inputErrors(arguments: [String]) throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try EmbedlingsProcess.run(arguments, home: home)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(run.stderr)")
        #expect(lines.first?.hasPrefix("embedlings: ") == true)
        #expect(run.stdout.isEmpty)
    }

    @Test("an unusable data directory exits 2 naming it, from --data-dir and from EMBEDLINGS_HOME")
    func unusableDataDirectory() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: file)
        let viaFlag = try EmbedlingsProcess.run(["progress", "--data-dir", file.path], home: home)
        #expect(viaFlag.status == 2)
        #expect(viaFlag.stderr == "embedlings: cannot use the data directory \(file.path): it is a file, not a directory\n")
        let nested = file.appendingPathComponent("inside").path
        let viaEnvironment = try EmbedlingsProcess.run(["lessons"], home: home, environment: ["EMBEDLINGS_HOME": nested])
        #expect(viaEnvironment.status == 2)
        #expect(viaEnvironment.stderr.contains(nested))
    }

    @Test("lessons --json lists the lessons in order with their step counts")
    func lessonsJSON() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try EmbedlingsProcess.run(["lessons", "--json"], home: home)
        #expect(run.status == 0)
        let lessons = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(lessons.prefix(2).map { $0["id"] as? String } == ["what-are-embeddings", "embeddings-applications"])
        #expect(lessons.allSatisfy { $0["status"] as? String == "not_started" })
        let text = try EmbedlingsProcess.run(["lessons"], home: home)
        #expect(text.stdout.contains("1. what-are-embeddings"))
    }

    @Test("start LESSON accepts an id or a number, and the data directory can be given with --data-dir")
    func startAtLesson() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let other = home.appendingPathComponent("elsewhere")
        let byNumber = try EmbedlingsProcess.run(["start", "2", "--data-dir", other.path], input: ":quit\n", home: home)
        #expect(byNumber.status == 0)
        #expect(byNumber.stdout.contains("Lesson 2/"))
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("progress.jsonl").path))
        let byID = try EmbedlingsProcess.run(["start", "embeddings-applications"], input: ":quit\n", home: home)
        #expect(byID.stdout.contains("Lesson 2/"))
    }

    @Test("reset asks for confirmation, does nothing on no, refuses without an answer, and forgets progress with --yes")
    func reset() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try EmbedlingsProcess.run([], input: "\n\n:quit\n", home: home)
        let declined = try EmbedlingsProcess.run(["reset"], input: "n\n", home: home)
        #expect(declined.status == 0)
        #expect(declined.stdout.contains("Nothing was reset."))
        let unanswered = try EmbedlingsProcess.run(["reset"], input: "", home: home)
        #expect(unanswered.status == 2)
        #expect(try EmbedlingsProcess.run([], input: ":quit\n", home: home).stdout.contains("· step 3/"))

        let confirmed = try EmbedlingsProcess.run(["reset", "1"], input: "y\n", home: home)
        #expect(confirmed.status == 0)
        #expect(try EmbedlingsProcess.run([], input: ":quit\n", home: home).stdout.contains("· step 1/"))

        _ = try EmbedlingsProcess.run([], input: "\n:quit\n", home: home)
        let forced = try EmbedlingsProcess.run(["reset", "--yes"], home: home)
        #expect(forced.status == 0)
        let progress = try EmbedlingsProcess.run(["progress", "--json"], home: home)
        #expect(progress.stdout.contains("\"not_started\""))
        #expect(!progress.stdout.contains("\"in_progress\""))
    }

    @Test("NO_COLOR and --no-color keep escape codes out even of a finished course summary")
    func noColourWhenPiped() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for arguments in [["progress"], ["progress", "--no-color"], ["lessons"]] {
            let run = try EmbedlingsProcess.run(arguments, home: home, environment: ["NO_COLOR": "1"])
            #expect(!run.stdout.contains("\u{1B}"))
        }
    }

    /// A copy of the binary in a scratch directory, with its lessons bundle when `withLessons`.
    private func relocatedBinary(in directory: URL, withLessons: Bool) throws -> URL {
        let manager = FileManager.default
        let binary = directory.appendingPathComponent("embedlings")
        try manager.copyItem(at: EmbedlingsProcess.executable, to: binary)
        if withLessons {
            let bundleName = "embedlings_LessonFiles.resources"
            let source = EmbedlingsProcess.executable.deletingLastPathComponent().appendingPathComponent(bundleName)
            try manager.copyItem(at: source, to: directory.appendingPathComponent(bundleName))
        }
        return binary
    }

    @Test("a broken lesson file stops the course before it starts, reported as file:line")
    func brokenLessonRefusesToStart() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let binary = try relocatedBinary(in: home, withLessons: true)
        let lesson = home.appendingPathComponent("embedlings_LessonFiles.resources/lessons/what-are-embeddings.yaml")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text = text.replacingOccurrences(of: "kind: number", with: "kind: essay")
        try text.write(to: lesson, atomically: true, encoding: .utf8)

        let run = try EmbedlingsProcess.run([], home: home, binary: binary)
        let message = run.stderr
        #expect(run.status == 2)
        #expect(message.hasPrefix("embedlings: lessons/what-are-embeddings.yaml:"))
        #expect(message.contains("unknown step kind `essay`"))
        #expect(message.split(separator: "\n").count == 1)
    }

    @Test("a binary copied without its lessons says so in one line instead of crashing")
    func missingLessonsBundle() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let binary = try relocatedBinary(in: home, withLessons: false)
        let run = try EmbedlingsProcess.run(["lessons"], home: home, binary: binary)
        let message = run.stderr
        #expect(run.status == 2)
        #expect(message.contains("the lessons were not found beside the embedlings binary"))
        #expect(message.split(separator: "\n").count == 1)
    }
}
