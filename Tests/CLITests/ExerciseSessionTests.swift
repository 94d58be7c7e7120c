import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Code exercises at the course prompt, driven through piped input like a learner's session.
@Suite("Code exercises in the course session")
struct ExerciseSessionTests {
    @Test("an exercise is completed statement by statement: output shows, errors are tracebacks, :check and :solution teach, progress is logged")
    func completeAnExerciseThroughThePrompt() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = [
            ":goto creating-embeddings creating-embeddings",
            ":solution",
            "from openai import OpenAI",
            "client = OpenAI(api_key=\"<OPENAI_API_TOKEN>\")",
            "response = client.embeddings.create(model=\"text-embedding-3-small\", input=\"Embeddings turn text into numbers that capture its meaning.\")",
            "response[\"data\"]",
            "response_dict = response",
            ":check",
            ":hint",
            ":solution",
            "x = ____",
            "response_dict = response.model_dump()",
            ":quit",
        ].joined(separator: "\n") + "\n"
        let run = try EmbedlingsProcess.run([], input: input, home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Exercise: Your first embedding"))
        #expect(run.stdout.contains("Try it first: the solution opens after a :check"))
        #expect(run.stdout.contains("TypeError: 'CreateEmbeddingResponse' object is not subscriptable"))
        let unwrapped = run.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.contains("It should be a dict, but it is a CreateEmbeddingResponse — call `.model_dump()` on the response."))
        #expect(run.stdout.contains("Hint 1/3: "))
        #expect(run.stdout.contains("One way to solve it:"))
        #expect(run.stdout.contains("You left a `____` blank in that line."))
        #expect(run.stdout.contains("✓ Exercise solved: all 5 checks pass."))
        #expect(run.stdout.contains("Exercise: Digging into the response"))
        #expect(!run.stdout.contains("\u{1B}"))

        let log = try String(contentsOf: home.appendingPathComponent("progress.jsonl"), encoding: .utf8)
        #expect(log.contains("\"kind\":\"solution_shown\""))
        #expect(log.contains("\"kind\":\"code_submitted\""))
        #expect(log.contains("\"step\":\"creating-embeddings\"") && log.contains("\"kind\":\"step_done\""))
    }

    @Test(":code shows what was entered, :reset starts over, and exercise commands explain themselves elsewhere")
    func codeAndReset() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let input = [":check", ":goto similarity repeatable-embeddings", "greeting = 'hello'", ":code", ":reset", "print(greeting)", ":quit"]
            .joined(separator: "\n") + "\n"
        let run = try EmbedlingsProcess.run([], input: input, home: home)
        #expect(run.stdout.contains("That command is for code exercises; this step is not one."))
        #expect(run.stdout.contains("    greeting = 'hello'"))
        #expect(run.stdout.contains("Started over"))
        #expect(run.stdout.contains("NameError: name 'greeting' is not defined"))
    }
}

/// `:edit` with an editor that writes a finished program, as a learner would in their editor.
@Suite("Editing an exercise in $EDITOR")
struct ExerciseEditTests {
    @Test(":edit opens $EDITOR on the starter, runs the saved file and completes the exercise")
    func editRunsTheSavedFile() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let answer = home.appendingPathComponent("answer.py")
        try """
        total_tokens = response_dict["usage"]["total_tokens"]
        first_embedding = response_dict["data"][0]["embedding"]
        print(len(first_embedding))
        """.write(to: answer, atomically: true, encoding: .utf8)
        let seen = home.appendingPathComponent("seen.py")
        let editor = home.appendingPathComponent("editor.sh")
        try "#!/bin/sh\ncp \"$1\" '\(seen.path)'\ncat '\(answer.path)' > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let run = try EmbedlingsProcess.run([], input: ":goto creating-embeddings digging-into-the-response\n:edit\n:quit\n", home: home,
                                            environment: ["EDITOR": editor.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try String(contentsOf: seen, encoding: .utf8).contains("response_dict[\"usage\"][\"____\"]"))
        #expect(run.stdout.contains("1536\n✓ Exercise solved: all 5 checks pass."))
    }
}

/// `embedlings check` and `embedlings grade` as CI and instructors run them.
@Suite("Self-check and grading commands")
struct CheckAndGradeCommandTests {
    @Test("embedlings check passes on the bundled course and says so in text and JSON")
    func checkPasses() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let text = try EmbedlingsProcess.run(["check"], home: home)
        #expect(text.status == 0, "\(text.stdout)\n\(text.stderr)")
        #expect(text.stdout.contains("ok   similarity"))
        let json = try EmbedlingsProcess.run(["check", "--json"], home: home)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == true)
        #expect(((object?["results"] as? [Any])?.count ?? 0) > 20)
    }

    @Test("grading a folder: one bad submission fails alone, reports parse, and the exit status says whether all passed")
    func gradeFolder() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("submissions")
        let good = """
        from openai import OpenAI
        client = OpenAI(api_key="<OPENAI_API_TOKEN>")
        response = client.embeddings.create(model="text-embedding-3-small", input="Embeddings turn text into numbers that capture its meaning.")
        response_dict = response.model_dump()
        """
        let files = [
            "alice/creating-embeddings.py": good,
            "bob/creating-embeddings.py": "while True:\n    pass\n",
            "carol/creating-embeddings.py": "x = [0] * 10**10\n",
        ]
        for (path, code) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try code.write(to: url, atomically: true, encoding: .utf8)
        }
        let json = try EmbedlingsProcess.run(["grade", folder.path, "--format", "json"], home: home)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let learners = try #require(report["learners"] as? [[String: Any]])
        let statuses = learners.compactMap { ($0["exercises"] as? [[String: Any]])?.first?["status"] as? String }
        #expect(statuses == ["passed", "timeout", "memory"])
        #expect((report["totals"] as? [String: Any])?["passed"] as? Int == 1)

        let junit = try EmbedlingsProcess.run(["grade", folder.path, "--format", "junit"], home: home)
        #expect(XMLParser(data: Data(junit.stdout.utf8)).parse())

        let alone = try EmbedlingsProcess.run(["grade", "--exercise", "creating-embeddings", folder.appendingPathComponent("alice/creating-embeddings.py").path], home: home)
        #expect(alone.status == 0)
        #expect(alone.stdout.hasPrefix("PASS  creating-embeddings  creating-embeddings"))

        let usage = try EmbedlingsProcess.run(["grade", "--exercise", "no-such-exercise", "x.py"], home: home)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("There is no exercise `no-such-exercise`."))
    }
}

/// `embedlings demo` for instructors, as seen when its output is not a terminal.
@Suite("Demo mode")
struct DemoCommandTests {
    @Test("without a terminal the whole lesson is printed at once: steps, answers typed, solutions run and checked")
    func demoTranscript() throws {
        let home = try EmbedlingsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try EmbedlingsProcess.run(["demo", "response-dictionaries"], home: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Lesson 4/5 · step 1/10"))
        #expect(run.stdout.contains("> descriptions = [product[\"short_description\"] for product in products]"))
        #expect(run.stdout.contains("\n1536\n"))
        #expect(run.stdout.contains("\n256\n"))
        #expect(run.stdout.contains("tokens, about $"))
        #expect(run.stdout.components(separatedBy: "✓ Exercise solved").count == 4)
        #expect(run.stdout.contains("✓ Correct."))
        #expect(!run.stdout.contains("\u{1B}"))

        let unknown = try EmbedlingsProcess.run(["demo", "no-such-lesson"], home: home)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no lesson `no-such-lesson`"))
    }
}
