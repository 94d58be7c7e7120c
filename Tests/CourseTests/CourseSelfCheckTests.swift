import CourseModules
import Testing
@testable import Course

private let fakeEndpoint = ExerciseEnvironment(modules: { CourseModules.standardModules() })

@Test("the bundled course proves itself on the fake endpoint: solutions pass, starters and wrong examples fail as promised")
func bundledCourseProvesItself() async throws {
    let course = try CourseLoader.loadBundled()
    let report = await DedicatedThread.run { CourseSelfCheck.run(course, environment: fakeEndpoint) }
    for failure in report.failures {
        Issue.record("\(failure.lesson)/\(failure.step): \(failure.check): \(failure.message)")
    }
    #expect(report.passed)
    let exerciseSteps = course.lessons.flatMap(\.steps).filter { $0.exercise != nil }.count
    #expect(exerciseSteps == 8)
    #expect(report.results.filter { $0.check == "the solution passes every check" }.count == exerciseSteps)
}

@Test("a wrong example whose promised feedback no longer appears is caught")
func staleWrongExampleIsCaught() async throws {
    let course = try CourseLoader.loadBundled()
    var exercise = try #require(course.lessons.flatMap(\.steps).compactMap(\.exercise).first { $0.id == "creating-embeddings" })
    let forgotModelDump = exercise.solution
        .replacingOccurrences(of: "response.model_dump()", with: "response")
        .replacingOccurrences(of: "print(response_dict[\"usage\"])", with: "")
    exercise.wrongExamples = [WrongExample(code: forgotModelDump, expectedFeedback: "a message nobody writes")]
    let stale = exercise
    let results = await DedicatedThread.run {
        CourseSelfCheck.check(stale, lesson: "creating-embeddings", step: stale.id, environment: fakeEndpoint)
    }
    let wrong = try #require(results.last)
    #expect(!wrong.passed)
    #expect(wrong.message.contains("It should be a dict, but it is a CreateEmbeddingResponse"))
}
