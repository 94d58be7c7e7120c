extension GlobalOptions {
    /// The options a child process of this command must be given to behave the same.
    var passThroughArguments: [String] {
        var arguments: [String] = []
        if let dataDir { arguments += ["--data-dir", dataDir] }
        if let endpoint { arguments += ["--endpoint", endpoint] }
        return arguments
    }
}
