import Foundation
import LessonFiles

/// Loads the course: the manifest (`course.yaml`) and every lesson it names
/// (`lessons/<id>.yaml`). Any broken file stops the load, so a course never starts half-valid.
public enum CourseLoader {
    /// Loads the course bundled with the binary.
    public static func loadBundled() throws(LessonFileError) -> Course {
        guard let manifest = LessonFiles.manifestURL, let lessons = LessonFiles.lessonsDirectory else {
            throw LessonFileError(file: "course.yaml", line: nil, message: "the lessons were not found beside the embedlings binary (keep its embedlings_LessonFiles.resources folder next to it, or rebuild)")
        }
        return try load(manifest: manifest, lessonsDirectory: lessons)
    }

    /// Loads a course from a manifest and a folder of lesson files.
    public static func load(manifest: URL, lessonsDirectory: URL) throws(LessonFileError) -> Course {
        let manifestName = manifest.lastPathComponent
        let root = try YAMLDocument.compose(try read(manifest, name: manifestName), file: manifestName)
        let fields = try YAMLMapping(root, file: manifestName, what: "the course manifest")
        try fields.requireOnly(["title", "lessons"], in: "the course manifest")
        let title = try fields.string("title", in: "the course manifest")
        let entries = try fields.stringList("lessons", in: "the course manifest", required: true)
        var lessons: [Lesson] = []
        for (id, line) in entries {
            if lessons.contains(where: { $0.id == id }) {
                throw LessonFileError(file: manifestName, line: line, message: "lesson `\(id)` is listed twice")
            }
            let fileName = "lessons/\(id).yaml"
            let url = lessonsDirectory.appendingPathComponent("\(id).yaml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw LessonFileError(file: manifestName, line: line, message: "lesson `\(id)` has no file \(fileName)")
            }
            let lesson = try LessonParser.parse(yaml: try read(url, name: fileName), file: fileName)
            guard lesson.id == id else {
                throw LessonFileError(file: fileName, line: nil, message: "the lesson's id is `\(lesson.id)` but the manifest and file name say `\(id)`")
            }
            lessons.append(lesson)
        }
        return Course(title: title, lessons: lessons)
    }

    private static func read(_ url: URL, name: String) throws(LessonFileError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LessonFileError(file: name, line: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonFileError(file: name, line: nil, message: "is not UTF-8 text")
        }
        return text
    }
}
