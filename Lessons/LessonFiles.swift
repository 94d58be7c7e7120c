import Foundation
import ResourceBundles

/// Where the bundled lessons live: the manifest, one YAML file per lesson, and datasets.
/// Found through the package's resource bundle next to the binary, so it works from any
/// directory; a missing bundle gives nil, so callers can say what is wrong.
public enum LessonFiles {
    /// The course manifest (`course.yaml`), which orders the lessons.
    public static var manifestURL: URL? { bundle?.url(forResource: "course", withExtension: "yaml") }
    /// The folder of lesson files.
    public static var lessonsDirectory: URL? { bundle?.url(forResource: "lessons", withExtension: nil) }
    /// The folder of datasets used by exercises.
    public static var datasetsDirectory: URL? { bundle?.url(forResource: "datasets", withExtension: nil) }

    /// The resource bundle SwiftPM builds for this target, or nil when it is missing.
    public static var bundle: Bundle? { ResourceBundle.of(target: "LessonFiles", containing: "course.yaml") }
}
