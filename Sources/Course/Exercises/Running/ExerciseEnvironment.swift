import CoursePython
import Foundation
import LessonFiles

/// What every exercise run needs from outside: the Python modules (with the configured
/// embeddings endpoint behind `openai`) and the folder of datasets.
public struct ExerciseEnvironment: Sendable {
    /// Builds the native modules for a fresh interpreter.
    public var modules: @Sendable () -> ModuleRegistry
    /// Where `datasets:` files are read from.
    public var datasetsDirectory: URL?

    public init(modules: @escaping @Sendable () -> ModuleRegistry, datasetsDirectory: URL? = LessonFiles.datasetsDirectory) {
        self.modules = modules
        self.datasetsDirectory = datasetsDirectory
    }

    /// A fresh interpreter with the exercise's limits applied over the defaults.
    func makeInterpreter(limits: ExerciseLimits?) -> Interpreter {
        var sandbox = SandboxLimits.standard
        if let limits {
            if let seconds = limits.seconds { sandbox.maxSeconds = seconds }
            if let steps = limits.steps { sandbox.maxSteps = steps }
            if let memory = limits.memoryMB { sandbox.maxMemoryBytes = memory << 20 }
            if let output = limits.outputCharacters { sandbox.maxOutputCharacters = output }
        }
        return Interpreter(modules: modules(), limits: sandbox)
    }
}
