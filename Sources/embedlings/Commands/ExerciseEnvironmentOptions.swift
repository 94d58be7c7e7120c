import Course
import CourseModules

/// The exercise environment for a command: the standard Python modules, with `openai` bound
/// to the endpoint the global options choose (the fake one by default).
enum ExerciseEnvironmentOptions {
    static func environment(_ global: GlobalOptions) throws -> ExerciseEnvironment {
        let endpoint = try EndpointOptions.configuration(global)
        return ExerciseEnvironment(modules: { CourseModules.standardModules(endpoint: endpoint) })
    }

    /// The bundled course, or an exit-2 failure naming the broken lesson file.
    static func course() throws(CommandFailure) -> Course {
        do {
            return try CourseLoader.loadBundled()
        } catch {
            throw .input("\(error)")
        }
    }
}
