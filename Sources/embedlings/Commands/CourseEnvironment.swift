import Course
import Foundation

/// What every course command needs: the lessons, the data directory, and the progress so far.
/// Building it reports every problem as a `CommandFailure` with exit code 2.
struct CourseEnvironment {
    let course: Course
    let dataDirectory: DataDirectory
    let log: ProgressLog
    let state: ProgressState

    init(options: GlobalOptions) throws(CommandFailure) {
        do {
            course = try CourseLoader.loadBundled()
        } catch {
            throw .input(error.description)
        }
        dataDirectory = DataDirectory(option: options.dataDir)
        do {
            try dataDirectory.prepare()
        } catch {
            throw .input(error.description)
        }
        log = dataDirectory.progressLog
        let contents: ProgressLog.Contents
        do {
            contents = try log.read()
        } catch {
            throw .input(error.description)
        }
        if let warning = contents.warning(path: log.url.path) {
            Screen.error(warning)
        }
        state = ProgressState(events: contents.events)
    }

    /// Appends an event, turning a write failure into a clear exit-2 failure.
    func record(_ event: ProgressEvent) throws(CommandFailure) {
        do {
            try log.append(event)
        } catch {
            throw .input(error.description)
        }
    }

    /// Finds a lesson by id or number, or fails listing the lessons there are.
    func lessonIndex(_ reference: String) throws(CommandFailure) -> Int {
        guard let index = course.lessonIndex(matching: reference) else {
            let known = course.lessons.map(\.id).joined(separator: ", ")
            throw .input("no lesson `\(reference)`; the lessons are: \(known) (or their numbers 1–\(course.lessons.count))")
        }
        return index
    }
}
