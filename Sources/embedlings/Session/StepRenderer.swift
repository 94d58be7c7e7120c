import Course

/// Shows a step: the header, then the text or the question with its choices, items or categories.
struct StepRenderer {
    let screen: Screen

    func header(course: Course, lessonIndex: Int, stepIndex: Int) {
        let lesson = course.lessons[lessonIndex]
        let position = "Lesson \(lessonIndex + 1)/\(course.lessons.count) · step \(stepIndex + 1)/\(lesson.steps.count)"
        screen.line()
        if position.count + 3 + lesson.title.count <= screen.wrapper.width {
            screen.line(screen.style.accent(position) + screen.style.dim(" · \(lesson.title)"))
        } else {
            screen.line(screen.style.accent(position))
            screen.paragraph(lesson.title, decorate: screen.style.dim)
        }
    }

    func body(of step: Step, alreadyDone: Bool) {
        let style = screen.style
        switch step.content {
        case .text(let text):
            screen.paragraph(text)
            screen.line(style.dim("(Enter to continue)"))
        case .question(let question):
            screen.paragraph(question.prompt, decorate: style.bold)
            answerForm(question.answer)
            if alreadyDone {
                screen.line(style.dim("(already answered: :next moves on)"))
            }
        case .exercise(let exercise):
            ExerciseRenderer(screen: screen).introduce(exercise, alreadyDone: alreadyDone)
        }
    }

    private func answerForm(_ answer: AnswerKey) {
        let style = screen.style
        switch answer {
        case .choice(let key):
            numbered(key.choices)
            screen.line(style.dim("(type the number, letter or text of one choice)"))
        case .multi(let key):
            numbered(key.choices)
            screen.line(style.dim("(select all that apply, for example: 1,3 or a c)"))
        case .match(let key):
            screen.line("Categories:")
            for (index, category) in key.categories.enumerated() {
                screen.paragraph("\(ChoiceSelection.letter(for: index))) \(category)", indent: "  ")
            }
            screen.line("Items:")
            for (index, item) in key.items.enumerated() {
                screen.paragraph("\(index + 1). \(item)", indent: "  ")
            }
            screen.paragraph("(one category letter per item, in order, such as `b a …`; or item-letter pairs such as `1b 2a …`)",
                             decorate: style.dim)
        case .text, .number:
            break
        }
    }

    private func numbered(_ choices: [String]) {
        for (index, choice) in choices.enumerated() {
            screen.paragraph("\(index + 1)) \(choice)", indent: "  ")
        }
    }
}
