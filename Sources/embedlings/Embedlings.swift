import ArgumentParser

/// The `embedlings` command: a terminal course that teaches text embeddings.
/// Each subcommand lives in `Commands/`, one file each.
@main
struct Embedlings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlings",
        abstract: "A terminal course that teaches text embeddings.",
        version: EmbedlingsVersion.current,
        subcommands: [RunCommand.self]
    )
}
