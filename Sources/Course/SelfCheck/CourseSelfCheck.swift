/// The course tests itself (`embedlings check`): every quiz accepts its own answer and
/// rejects the wrong answers it has feedback for; every exercise's solution passes all its
/// checks, its starter fails, and each `wrong` example fails with the feedback it promises.
public enum CourseSelfCheck {
    /// Checks every step of every lesson. `progress` is told about each step as it starts.
    public static func run(
        _ course: Course, environment: ExerciseEnvironment, progress: (Lesson, Step) -> Void = { _, _ in }
    ) -> SelfCheckReport {
        var results: [SelfCheckResult] = []
        for lesson in course.lessons {
            for step in lesson.steps {
                progress(lesson, step)
                switch step.content {
                case .text:
                    continue
                case .question(let question):
                    results += check(question, lesson: lesson.id, step: step.id)
                case .exercise(let exercise):
                    results += check(exercise, lesson: lesson.id, step: step.id, environment: environment)
                }
            }
        }
        return SelfCheckReport(results: results)
    }

    /// A quiz: its sample answer is accepted, and every answer it has feedback for is not.
    static func check(_ question: Question, lesson: String, step: String) -> [SelfCheckResult] {
        var results: [SelfCheckResult] = []
        if let answer = question.answer.sampleCorrectAnswer {
            let verdict = question.check(answer)
            results.append(SelfCheckResult(lesson: lesson, step: step, check: "the quiz accepts its answer",
                                           passed: verdict == .correct,
                                           message: verdict == .correct ? "" : "the answer `\(answer)` is not accepted: \(verdict)"))
        } else if case .text(let key) = question.answer {
            let valid = key.patterns.allSatisfy(TextAnswer.isValidPattern)
            results.append(SelfCheckResult(lesson: lesson, step: step, check: "the quiz's answer patterns are valid",
                                           passed: valid, message: valid ? "" : "a pattern is not a valid regular expression"))
        }
        for wrong in question.feedback.keys.sorted() {
            let verdict = question.check(wrong)
            let rejected = verdict != .correct
            results.append(SelfCheckResult(lesson: lesson, step: step, check: "the quiz rejects `\(wrong)`",
                                           passed: rejected, message: rejected ? "" : "it has feedback for `\(wrong)` but accepts it as right"))
        }
        return results
    }

    /// An exercise: solution passes, starter fails, each wrong example fails with its feedback.
    static func check(_ exercise: Exercise, lesson: String, step: String, environment: ExerciseEnvironment) -> [SelfCheckResult] {
        func result(_ check: String, _ passed: Bool, _ message: String = "") -> SelfCheckResult {
            SelfCheckResult(lesson: lesson, step: step, check: check, passed: passed, message: passed ? "" : message)
        }
        let grader: ExerciseGrader
        do {
            grader = try ExerciseGrader(exercise: exercise, environment: environment)
        } catch {
            return [result("the setup and solution run", false, error.description)]
        }
        var results: [SelfCheckResult] = []
        do {
            let solution = try grader.judge(exercise.solution)
            results.append(result("the solution passes every check", solution.passed,
                                  "the solution fails \(exercise.checks.count - solution.checksPassed) check(s): \(solution.feedback)"))
            let starter = try grader.judge(exercise.starter)
            results.append(result("the starter fails", !starter.passed, "the starter code already passes every check"))
            for (number, wrong) in exercise.wrongExamples.enumerated() {
                let outcome = try grader.judge(wrong.code)
                let name = "wrong example \(number + 1)\(wrong.line.map { " (line \($0))" } ?? "") fails with its feedback"
                if outcome.passed {
                    results.append(result(name, false, "it passes every check; a check is too loose"))
                } else {
                    results.append(result(name, outcome.feedback.contains(wrong.expectedFeedback),
                                          "expected feedback containing “\(wrong.expectedFeedback)”, got “\(outcome.feedback)”"))
                }
            }
        } catch {
            results.append(result("the setup runs", false, error.description))
        }
        return results
    }
}
