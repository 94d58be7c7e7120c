import Foundation

/// Where the bundled lessons live: the manifest, one YAML file per lesson, and datasets.
/// Found through the package's resource bundle next to the binary, so it works from any
/// directory. Unlike SwiftPM's generated `Bundle.module`, a missing bundle (a binary copied
/// without its resources) gives nil instead of crashing, so callers can say what is wrong.
public enum LessonFiles {
    /// The course manifest (`course.yaml`), which orders the lessons.
    public static var manifestURL: URL? { bundle?.url(forResource: "course", withExtension: "yaml") }
    /// The folder of lesson files.
    public static var lessonsDirectory: URL? { bundle?.url(forResource: "lessons", withExtension: nil) }
    /// The folder of datasets used by exercises.
    public static var datasetsDirectory: URL? { bundle?.url(forResource: "datasets", withExtension: nil) }

    /// The resource bundle SwiftPM builds for this target, looked up beside the executable.
    public static var bundle: Bundle? {
        let names = ["embedlings_LessonFiles.resources", "embedlings_LessonFiles.bundle"]
        let executableDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let directories = [Bundle.main.bundleURL, Bundle.main.resourceURL, executableDirectory].compactMap { $0 }
        for directory in directories {
            for name in names {
                if let bundle = Bundle(url: directory.appendingPathComponent(name)),
                   bundle.url(forResource: "course", withExtension: "yaml") != nil {
                    return bundle
                }
            }
        }
        return nil
    }
}
