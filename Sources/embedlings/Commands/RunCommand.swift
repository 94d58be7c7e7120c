import ArgumentParser
import CourseModules
import CoursePython
import Foundation

/// `embedlings run [FILE]`: runs course Python from a file, or opens a scratch prompt.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run course-Python code: a FILE, or an interactive scratch prompt.",
        discussion: """
            With FILE, runs it and exits 1 if it ends with an uncaught exception (the traceback \
            goes to stderr). Without FILE, opens a prompt where blocks continue with `...` and \
            Tab completes names and attributes.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A course-Python file to run.", valueName: "FILE"))
    var file: String?

    func run() throws {
        let modules = CourseModules.standardModules(endpoint: try EndpointOptions.configuration(global))
        let interpreter = Interpreter(modules: modules, limits: RunCommand.limits(endpoint: global.endpoint))
        if let file {
            try runFile(file, interpreter)
        } else {
            ScratchPrompt(interpreter: interpreter, moduleNames: modules.topLevelNames).loop()
        }
    }

    /// The sandbox budgets: the standard ones, except that a real network endpoint gets 30 s
    /// of wall-clock time, since waiting for the API is not runaway code (the step budget still
    /// ends `while True: pass`).
    static func limits(endpoint: String?) -> SandboxLimits {
        guard let endpoint, endpoint != "fake" else { return .standard }
        var limits = SandboxLimits.standard
        limits.maxSeconds = 30
        return limits
    }

    private func runFile(_ path: String, _ interpreter: Interpreter) throws {
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure.input("cannot read \(path): \(Self.reason(error))")
        }
        let result = interpreter.run(source, filename: path, output: StandardStreams.writeOut)
        if let error = result.error {
            StandardStreams.writeError(error.traceback)
            throw ExitCode(1)
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadInapplicableStringEncodingError { return "the file is not UTF-8 text" }
        return nsError.localizedDescription
    }
}

/// Unbuffered writes to stdout/stderr, so program output and tracebacks interleave correctly.
enum StandardStreams {
    static func writeOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
