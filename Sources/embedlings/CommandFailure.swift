/// A command's failure as the learner sees it: one line on stderr and an exit code
/// (2 for usage or input errors, 1 when a check failed).
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    static func input(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: 2)
    }
}
