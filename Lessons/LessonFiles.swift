import Foundation

/// Where the bundled lessons live: the manifest, one YAML file per lesson, and datasets.
/// Found through the package's resource bundle, so the binary works from any directory.
public enum LessonFiles {
    /// The course manifest (`course.yaml`), which orders the lessons.
    public static var manifestURL: URL? { Bundle.module.url(forResource: "course", withExtension: "yaml") }
    /// The folder of lesson files.
    public static var lessonsDirectory: URL? { Bundle.module.url(forResource: "lessons", withExtension: nil) }
    /// The folder of datasets used by exercises.
    public static var datasetsDirectory: URL? { Bundle.module.url(forResource: "datasets", withExtension: nil) }
}
