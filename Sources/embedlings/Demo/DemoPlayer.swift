import Course
import Foundation

/// Plays a lesson for an audience: every step shown, quiz answers and exercise solutions typed
/// out at a readable pace, run, and their output and feedback shown. Without a terminal the
/// whole transcript is printed at once.
struct DemoPlayer {
    let course: Course
    let lessonIndex: Int
    let environment: ExerciseEnvironment
    let screen: Screen
    let keyboard: DemoKeyboard
    /// Seconds per typed character; zero prints at once.
    let typingDelay: Double
    /// Seconds to linger after each step.
    let stepPause: Double

    /// Returns false when an exercise's solution did not pass (the lesson itself is broken).
    func play() -> Bool {
        let lesson = course.lessons[lessonIndex]
        let renderer = StepRenderer(screen: screen)
        var allPassed = true
        for (index, step) in lesson.steps.enumerated() {
            keyboard.startStep()
            renderer.header(course: course, lessonIndex: lessonIndex, stepIndex: index)
            switch step.content {
            case .text(let text):
                screen.paragraph(text)
            case .question(let question):
                renderer.body(of: step, alreadyDone: false)
                type(question.answer.sampleCorrectAnswer ?? "")
                screen.line(screen.style.success("✓ Correct."))
                screen.paragraph(question.explanation)
            case .exercise(let exercise):
                allPassed = playExercise(exercise) && allPassed
            }
            keyboard.wait(stepPause)
        }
        screen.line()
        screen.paragraph("End of lesson \(lessonIndex + 1): \(lesson.title).", decorate: screen.style.bold)
        return allPassed
    }

    private func playExercise(_ exercise: Exercise) -> Bool {
        screen.paragraph("Exercise: \(exercise.title)", decorate: screen.style.bold)
        screen.paragraph(exercise.instructions.trimmingCharacters(in: .whitespacesAndNewlines))
        let workspace: ExerciseWorkspace
        let solution: SolutionSnapshot
        do {
            workspace = try ExerciseWorkspace(exercise: exercise, environment: environment)
            solution = try SolutionSnapshot(exercise: exercise, environment: environment)
        } catch {
            screen.paragraph(error.description, decorate: screen.style.failure)
            return false
        }
        for statement in Self.statements(of: exercise.solution) {
            type(statement)
            let result = workspace.run(statement) { text in FileHandle.standardOutput.write(Data(text.utf8)) }
            if let error = result.error { screen.line(screen.style.failure(error.traceback)) }
        }
        let outcome = CheckEngine.judge(exercise, code: workspace.code, learner: workspace.checkable, solution: solution)
        if outcome.passed {
            screen.line(screen.style.success("✓ Exercise solved: all \(outcome.checksTotal) checks pass."))
        } else {
            screen.line(screen.style.failure("✗ The solution does not pass: \(outcome.feedback)"))
        }
        return outcome.passed
    }

    /// Types text after the prompt, a character at a time when there is an audience to watch.
    private func type(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let prompt = number == 0 ? "> " : "... "
            guard typingDelay > 0, !keyboard.skipRequested else {
                screen.line(prompt + line)
                continue
            }
            FileHandle.standardOutput.write(Data(prompt.utf8))
            for character in line {
                FileHandle.standardOutput.write(Data(String(character).utf8))
                keyboard.wait(typingDelay)
            }
            screen.line()
        }
    }

    /// The solution split into top-level statements (a block and its indented body stay
    /// together), so each runs as if entered at the prompt.
    static func statements(of code: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let startsStatement = (line.first.map { !$0.isWhitespace } ?? false) && !line.hasPrefix(")") && !line.hasPrefix("]")
                && !line.hasPrefix("else") && !line.hasPrefix("elif") && !line.hasPrefix("except") && !line.hasPrefix("finally")
            if startsStatement && !current.isEmpty && Self.isComplete(current) {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
            if line.isEmpty && current.isEmpty { continue }
            current.append(line)
        }
        if !current.isEmpty { statements.append(current.joined(separator: "\n")) }
        return statements.map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
    }

    /// Whether the lines so far close every bracket they open.
    private static func isComplete(_ lines: [Substring]) -> Bool {
        var depth = 0
        for character in lines.joined() {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
        }
        return depth <= 0
    }
}
