import Foundation
import LessonFiles
import Testing

@Test("the bundled course manifest is found from any working directory")
func manifestIsBundled() throws {
    let url = try #require(LessonFiles.manifestURL)
    #expect(FileManager.default.fileExists(atPath: url.path))
}
