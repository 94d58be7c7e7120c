import Course
import CoursePython
import EmbeddingsAPI

/// The course session's `:endpoint` command: where exercise code sends its embeddings
/// requests, and switching that for the rest of the session. Progress and answers are kept;
/// the key is never shown.
extension CourseSession {
    /// `:endpoint`: the current endpoint, where its key comes from, and how to switch.
    func showEndpoint() {
        for line in endpoint.summary { screen.paragraph(line) }
        screen.paragraph(SessionEndpoint.switchingHelp, decorate: screen.style.dim)
    }

    /// `:endpoint VALUE`: later exercise runs call `choice`. An open exercise is set up again
    /// there and the learner's entries are run again, so checks compare like with like.
    func switchEndpoint(to choice: Endpoint) {
        let chosen: SessionEndpoint
        do {
            chosen = try endpoint.switched(to: choice)
        } catch {
            screen.paragraph("Cannot switch: \(error.description). The endpoint is unchanged.", decorate: screen.style.warning)
            return
        }
        guard chosen.endpoint != endpoint.endpoint || chosen.configuration.apiKey != endpoint.configuration.apiKey else {
            screen.paragraph("Already using \(Self.name(of: choice)); nothing changed.", decorate: screen.style.dim)
            return
        }
        let previous = endpoint
        endpoint = chosen
        exerciseEnvironment = chosen.exerciseEnvironment
        screen.paragraph("Switched to \(Self.name(of: choice)) for this session.", decorate: screen.style.success)
        for line in chosen.summary.dropFirst() {
            screen.paragraph(line, decorate: chosen.lacksRequiredKey ? screen.style.warning : screen.style.dim)
        }
        moveOpenExercise(from: previous)
    }

    private func moveOpenExercise(from previous: SessionEndpoint) {
        guard step.exercise != nil else { return }
        guard let session = exerciseSession else {
            openExercise()
            return
        }
        // Setting up again waits on the new endpoint; Ctrl-C leaves the exercise where it was.
        let (attempt, interrupted) = InterruptKey.stopsRuns { [exerciseEnvironment] in
            Result { () throws(ExerciseSetupError) -> (session: ExerciseSession, failedEntries: Int) in
                try session.reopened(in: exerciseEnvironment)
            }
        }
        if interrupted {
            screen.line()
            screen.paragraph("Stopped (Ctrl-C): this exercise stays on \(Self.name(of: previous.endpoint)). Exercises opened from now on use \(Self.name(of: endpoint.endpoint)).",
                             decorate: screen.style.warning)
            return
        }
        do {
            let (reopened, failedEntries) = try attempt.get()
            exerciseSession = reopened
            let entries = session.enteredEntryCount
            guard entries > 0 else { return }
            let ran = "This exercise was set up again there and your \(entries == 1 ? "entry" : "\(entries) entries") ran again"
            if failedEntries == 0 {
                screen.paragraph("\(ran).", decorate: screen.style.dim)
            } else {
                screen.paragraph("\(ran); \(failedEntries) raised an error this time (:check says what is missing).", decorate: screen.style.warning)
            }
        } catch {
            screen.paragraph("This exercise stays on \(Self.name(of: previous.endpoint)), because it cannot be set up on the new one: \(error.message)",
                             decorate: screen.style.warning)
            screen.paragraph("Exercises opened from now on use \(Self.name(of: endpoint.endpoint)).", decorate: screen.style.dim)
        }
    }

    /// How an endpoint is named in messages.
    static func name(of endpoint: Endpoint) -> String {
        switch endpoint {
        case .fake: "the built-in fake endpoint"
        case .openai: "the real OpenAI API"
        case .url(let url): SessionEndpoint.displayed(url)
        }
    }
}
