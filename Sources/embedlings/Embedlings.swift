import ArgumentParser
import Foundation

/// The `embedlings` command: a terminal course that teaches text embeddings.
/// Each subcommand lives in `Commands/`, one file each.
@main
struct Embedlings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlings",
        abstract: "A terminal course that teaches text embeddings.",
        discussion: "Run without a subcommand to start or resume the course.",
        version: EmbedlingsVersion.current,
        subcommands: [StartCommand.self, LessonsCommand.self, ProgressCommand.self, ResetCommand.self,
                      RunCommand.self, ServeCommand.self, CheckCommand.self, GradeCommand.self,
                      GradeWorkerCommand.self, DemoCommand.self],
        defaultSubcommand: StartCommand.self
    )

    /// Parses and runs a command, mapping every failure to the exit codes of the CLI contract:
    /// 0 success, 1 a check failed, 2 usage or input error — always with one line on stderr.
    static func main() async {
        let code: Int32
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            code = 0
        } catch {
            code = report(error)
        }
        Foundation.exit(code)
    }

    private static func report(_ error: any Error) -> Int32 {
        if let failure = error as? CommandFailure {
            Screen.error("embedlings: \(failure.message)")
            return failure.exitCode
        }
        let exitCode = exitCode(for: error)
        if exitCode == .success {
            let message = fullMessage(for: error)
            if !message.isEmpty { print(message) }
            return 0
        }
        if let exit = error as? ExitCode {
            return exit.rawValue
        }
        var message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        message = message.split(separator: "\n").first.map(String.init) ?? message
        Screen.error("embedlings: \(message) (see `embedlings --help`)")
        return 2
    }
}
