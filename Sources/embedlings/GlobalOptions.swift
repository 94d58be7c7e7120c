import ArgumentParser

/// Options every subcommand accepts (DESIGN.md: the CLI contract).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where progress and history are kept.", valueName: "DIR"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("Which embeddings endpoint to use: fake, openai, or a URL.", valueName: "fake|openai|URL"))
    var endpoint: String?

    @Flag(name: .long, help: "Never print colours (also: the NO_COLOR environment variable).")
    var noColor = false
}
