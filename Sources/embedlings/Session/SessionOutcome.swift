/// How a session ended.
enum SessionOutcome: Equatable {
    /// The learner left (`:quit`, Ctrl-D, end of input); progress is saved.
    case left
    /// The last step of the last lesson was done.
    case finishedCourse
}
