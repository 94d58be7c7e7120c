import CoursePython
import EmbeddingsAPI

/// The libraries every embedder of the interpreter offers (the `run` command, the course's
/// exercises, the grader), so learner code sees the same modules everywhere.
public enum CourseModules {
    /// The registry with `openai`, `numpy`, `scipy.spatial.distance`, `json`, `math`, `time`
    /// and `tiktoken`. `openai` clients talk to `endpoint` (the in-process fake by default).
    public static func standardModules(endpoint: EndpointConfiguration = EndpointConfiguration()) -> ModuleRegistry {
        var registry = ModuleRegistry()
        registry.register("numpy") { runtime in try NumPyModule.load(runtime: runtime) }
        registry.register("scipy.spatial.distance") { runtime in try SciPyModule.loadDistance(runtime: runtime) }
        registry.register("json") { runtime in try JSONModule.load(runtime: runtime) }
        registry.register("math") { runtime in try MathModule.load(runtime: runtime) }
        registry.register("time") { runtime in try TimeModule.load(runtime: runtime) }
        registry.register("tiktoken") { runtime in try TikTokenModule.load(runtime: runtime) }
        registry.register("openai") { runtime in try OpenAIModule.load(runtime: runtime, configuration: endpoint) }
        return registry
    }

    /// The top-level module names `standardModules` offers, for help texts.
    public static let moduleNames = ["json", "math", "numpy", "openai", "scipy", "tiktoken", "time"]
}
