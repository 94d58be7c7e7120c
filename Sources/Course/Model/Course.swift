import Foundation

/// The whole course: lessons in the order the manifest gives them.
public struct Course: Sendable {
    /// The course title shown in headers and listings.
    public let title: String
    /// Lessons in teaching order.
    public let lessons: [Lesson]

    public init(title: String, lessons: [Lesson]) {
        self.title = title
        self.lessons = lessons
    }

    /// The position (0-based) of the lesson with this id, if there is one.
    public func lessonIndex(id: String) -> Int? {
        lessons.firstIndex { $0.id == id }
    }

    /// Finds a lesson by id or by its 1-based number as a learner would type it ("2").
    public func lessonIndex(matching reference: String) -> Int? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed), number >= 1, number <= lessons.count {
            return number - 1
        }
        return lessonIndex(id: trimmed)
    }
}
