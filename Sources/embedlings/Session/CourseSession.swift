import Course
import Foundation
import LineEditor

/// The interactive course: shows steps, checks answers, runs `:` commands, and records
/// every event in the progress log as it happens so nothing is lost on exit or crash.
final class CourseSession {
    private let course: Course
    private let log: ProgressLog
    let screen: Screen
    /// Where exercise code sends its embeddings requests; `:endpoint` changes it.
    var endpoint: SessionEndpoint
    /// What exercises run with, bound to `endpoint`.
    var exerciseEnvironment: ExerciseEnvironment
    /// The open code exercise, when the current step is one.
    var exerciseSession: ExerciseSession?
    private let editor: LineEditor
    private let renderer: StepRenderer
    private var state: ProgressState
    private var lessonIndex: Int
    private var stepIndex: Int

    init(course: Course, log: ProgressLog, state: ProgressState, screen: Screen, editor: LineEditor, lessonIndex: Int, stepIndex: Int,
         endpoint: SessionEndpoint) {
        self.course = course
        self.endpoint = endpoint
        self.exerciseEnvironment = endpoint.exerciseEnvironment
        self.log = log
        self.state = state
        self.screen = screen
        self.editor = editor
        self.renderer = StepRenderer(screen: screen)
        self.lessonIndex = lessonIndex
        self.stepIndex = stepIndex
    }

    private var lesson: Lesson { course.lessons[lessonIndex] }
    var step: Step { lesson.steps[stepIndex] }
    var lessonProgress: LessonProgress { state.lesson(lesson.id) }

    /// Runs until the learner leaves or finishes the course.
    func run() throws(ProgressLogError) -> SessionOutcome {
        try showCurrentStep()
        while true {
            prepareEditor()
            switch editor.read() {
            case .endOfInput:
                farewell()
                return .left
            case .interrupted:
                continue
            case .text(let entry):
                let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.hasPrefix(":") {
                    if let outcome = try perform(trimmed) { return outcome }
                } else if let outcome = try respond(to: trimmed) {
                    return outcome
                }
            }
        }
    }

    // MARK: Steps

    private func showCurrentStep() throws(ProgressLogError) {
        renderer.header(course: course, lessonIndex: lessonIndex, stepIndex: stepIndex)
        renderer.body(of: step, alreadyDone: lessonProgress.doneSteps.contains(step.id))
        openExercise()
        try record(.visited)
    }

    private func prepareEditor() {
        let commands = ReplCommand.names.map { ":" + $0 }
        let lessonWords = course.lessons.map(\.id)
        let answers = step.question?.answer.completionCandidates ?? exerciseSession?.completions(for: "") ?? []
        editor.completion = { request in
            let line = request.lineBeforeCursor.drop { $0 == " " }
            if line.hasPrefix(":goto ") { return lessonWords }
            if line.hasPrefix(":endpoint ") { return SessionEndpoint.completions }
            if line.hasPrefix(":") { return line.contains(" ") ? [] : commands }
            return request.word.isEmpty && line.isEmpty ? answers + commands : answers
        }
    }

    /// Handles a line that is not a command: an answer, or Enter on a reading step.
    private func respond(to entry: String) throws(ProgressLogError) -> SessionOutcome? {
        if step.exercise != nil {
            return try respondToCode(entry)
        }
        guard let question = step.question else {
            if entry.isEmpty {
                try record(.stepDone)
                return try advance()
            }
            screen.paragraph("This step has no question: press Enter to go on (:help lists the commands).", decorate: screen.style.dim)
            return nil
        }
        if entry.isEmpty { return nil }
        switch question.check(entry) {
        case .unreadable(let message):
            screen.paragraph(message, decorate: screen.style.warning)
            return nil
        case .correct:
            try record(.answered, answer: entry, correct: true)
            screen.line(screen.style.success("✓ Correct."))
            screen.paragraph(question.explanation)
            try record(.stepDone)
            return try advance()
        case .incorrect(let feedback):
            try record(.answered, answer: entry, correct: false)
            screen.line(screen.style.failure("✗ Not quite."))
            if let feedback { screen.paragraph(feedback) }
            let hintsShown = lessonProgress.hintsShown[step.id] ?? 0
            let next = hintsShown < question.hints.count ? "Try again, or type :hint for a hint." : "Try again, or :skip to move on."
            screen.line(screen.style.dim(next))
            return nil
        }
    }

    /// Moves to the next step, finishing the lesson (and the course) at the end.
    func advance() throws(ProgressLogError) -> SessionOutcome? {
        if stepIndex + 1 < lesson.steps.count {
            stepIndex += 1
            try showCurrentStep()
            return nil
        }
        try record(.lessonDone, wholeLesson: true)
        let progress = lessonProgress
        let done = lesson.steps.filter { progress.doneSteps.contains($0.id) }.count
        screen.line()
        screen.paragraph("Lesson \(lessonIndex + 1) complete: \(lesson.title) (\(done) of \(lesson.steps.count) steps done).",
                         decorate: screen.style.success)
        guard lessonIndex + 1 < course.lessons.count else {
            screen.paragraph("You have finished the course. Well done! `embedlings progress` shows your summary.",
                             decorate: screen.style.bold)
            return .finishedCourse
        }
        lessonIndex += 1
        stepIndex = 0
        try showCurrentStep()
        return nil
    }

    // MARK: Commands

    private func perform(_ line: String) throws(ProgressLogError) -> SessionOutcome? {
        let command: ReplCommand
        switch ReplCommand.parse(line) {
        case .failure(let error):
            screen.paragraph(error.message, decorate: screen.style.warning)
            return nil
        case .success(let parsed):
            command = parsed
        }
        switch command {
        case .help:
            showHelp()
        case .hint:
            try showHint()
        case .skip:
            if lessonProgress.doneSteps.contains(step.id) {
                return try advance()
            }
            try record(.skipped)
            screen.line(screen.style.dim("Skipped. You can come back with :back or :goto."))
            return try advance()
        case .back:
            if stepIndex > 0 {
                stepIndex -= 1
            } else if lessonIndex > 0 {
                lessonIndex -= 1
                stepIndex = lesson.steps.count - 1
            } else {
                screen.line(screen.style.dim("This is the first step of the course."))
                return nil
            }
            try showCurrentStep()
        case .next:
            if step.question == nil && step.exercise == nil {
                try record(.stepDone)
                return try advance()
            }
            guard lessonProgress.doneSteps.contains(step.id) else {
                screen.line(screen.style.dim(step.exercise == nil ? "Answer this question first, or :skip it." : "Solve this exercise first, or :skip it."))
                return nil
            }
            return try advance()
        case .lessons:
            ReportPrinter(screen: screen).lessons(ProgressReport(course: course, state: state))
        case .progress:
            ReportPrinter(screen: screen).progress(ProgressReport(course: course, state: state))
        case .goto(let lessonReference, let stepReference):
            try jump(to: lessonReference, step: stepReference)
        case .quit:
            farewell()
            return .left
        case .check, .code, .edit, .reset, .solution:
            return try performExerciseCommand(command)
        case .endpoint(let choice):
            if let choice {
                switchEndpoint(to: choice)
            } else {
                showEndpoint()
            }
        }
        return nil
    }

    private func showHelp() {
        screen.line("Commands (type them at any prompt):")
        // A table: usages padded to one column, each help text wrapped beside it (a paragraph
        // would collapse the padding).
        let width = ReplCommand.descriptions.map(\.usage.count).max() ?? 0
        let helpColumn = String(repeating: " ", count: width + 4)
        let helpWrapper = TextWrapper(width: screen.wrapper.width - helpColumn.count)
        for command in ReplCommand.descriptions {
            let padded = command.usage.padding(toLength: width, withPad: " ", startingAt: 0)
            let lines = helpWrapper.wrap(command.help).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                screen.line((index == 0 ? "  \(padded)  " : helpColumn) + line)
            }
        }
        screen.paragraph("Tab completes commands, lesson ids, endpoints and answer choices; ↑ and ↓ recall earlier lines; Ctrl-C clears the line.",
                         decorate: screen.style.dim)
    }

    private func showHint() throws(ProgressLogError) {
        guard let hints = step.question?.hints ?? step.exercise?.hints, !hints.isEmpty else {
            screen.line(screen.style.dim("This step has no question, so there is no hint: press Enter to go on."))
            return
        }
        let shown = lessonProgress.hintsShown[step.id] ?? 0
        if shown >= hints.count {
            let last = hints.count
            screen.paragraph("Hint \(last)/\(last): \(hints[last - 1])")
            let more = step.exercise == nil ? "" : ":solution shows the solution after a :check; "
            screen.line(screen.style.dim("That was the last hint; \(more):skip moves on if you are stuck."))
            return
        }
        try record(.hintShown, hint: shown + 1)
        screen.paragraph("Hint \(shown + 1)/\(hints.count): \(hints[shown])", decorate: screen.style.warning)
    }

    private func jump(to lessonReference: String, step stepReference: String?) throws(ProgressLogError) {
        guard let target = course.lessonIndex(matching: lessonReference) else {
            let known = course.lessons.enumerated().map { "\($0.offset + 1) \($0.element.id)" }.joined(separator: ", ")
            screen.paragraph("No lesson `\(lessonReference)`. Lessons: \(known).", decorate: screen.style.warning)
            return
        }
        let targetLesson = course.lessons[target]
        var targetStep = 0
        if let stepReference {
            if let number = Int(stepReference), number >= 1, number <= targetLesson.steps.count {
                targetStep = number - 1
            } else if let index = targetLesson.stepIndex(id: stepReference) {
                targetStep = index
            } else {
                screen.paragraph("Lesson \(target + 1) has steps 1–\(targetLesson.steps.count); `\(stepReference)` is not one of them.",
                                 decorate: screen.style.warning)
                return
            }
        }
        lessonIndex = target
        stepIndex = targetStep
        try showCurrentStep()
    }

    private func farewell() {
        screen.line()
        screen.paragraph("Progress saved. Run `embedlings` to continue at lesson \(lessonIndex + 1), step \(stepIndex + 1).",
                         decorate: screen.style.dim)
    }

    // MARK: Progress

    func record(_ kind: ProgressEvent.Kind, answer: String? = nil, correct: Bool? = nil, hint: Int? = nil,
                wholeLesson: Bool = false, code: String? = nil) throws(ProgressLogError) {
        let event = ProgressEvent(kind: kind, lesson: lesson.id, step: wholeLesson ? nil : step.id,
                                  answer: answer, correct: correct, hint: hint, code: code)
        try log.append(event)
        state.apply(event)
    }
}
