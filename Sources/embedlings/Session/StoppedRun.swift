/// What the learner reads when Ctrl-C stopped their code (docs/course-runner.md, "Ctrl-C").
enum StoppedRun {
    static let message = "Stopped (Ctrl-C). Your code is kept; edit it or run it again."
    /// When Ctrl-C stopped setting up an exercise (its reference solution waits on the endpoint).
    static let setupMessage = "Stopped (Ctrl-C) while setting up this exercise, which calls the endpoint. "
        + ":endpoint shows where it goes; :endpoint fake (or another URL) sets the exercise up again there, :skip moves on."
}
