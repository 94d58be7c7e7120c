import Course

/// Shows a code exercise: its title and instructions, the starter code, and how to work on it.
struct ExerciseRenderer {
    let screen: Screen

    func introduce(_ exercise: Exercise, alreadyDone: Bool) {
        let style = screen.style
        screen.paragraph("Exercise: \(exercise.title)", decorate: style.bold)
        screen.paragraph(exercise.instructions.trimmingCharacters(in: .whitespacesAndNewlines))
        screen.line()
        code(exercise.starter)
        screen.line()
        screen.paragraph("Type the code line by line (each statement runs at once), or :edit to write it in your editor. "
                         + ":check says what is still missing, :hint helps, :code shows what you have entered.",
                         decorate: style.dim)
        if alreadyDone {
            screen.line(style.dim("(already solved: :next moves on)"))
        }
    }

    /// Prints code indented and unwrapped, so it can be read and copied as it is.
    func code(_ source: String) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = lines.last?.isEmpty == true ? lines.dropLast() : lines[...]
        for line in trimmed {
            screen.line("    " + screen.style.accent(String(line)))
        }
    }
}
