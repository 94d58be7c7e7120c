import Course
import Foundation
import Testing

@Suite("Data directory")
struct DataDirectoryTests {
    @Test("--data-dir wins, then EMBEDLINGS_HOME, then XDG_DATA_HOME/embedlings, then ~/.local/share/embedlings")
    func resolutionOrder() {
        let environment = ["EMBEDLINGS_HOME": "/e", "XDG_DATA_HOME": "/x", "HOME": "/h"]
        #expect(DataDirectory(option: "/o", environment: environment).url.path == "/o")
        #expect(DataDirectory(option: nil, environment: environment).url.path == "/e")
        #expect(DataDirectory(option: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).url.path == "/x/embedlings")
        #expect(DataDirectory(option: nil, environment: ["HOME": "/h"]).url.path == "/h/.local/share/embedlings")
        #expect(DataDirectory(option: nil, environment: ["EMBEDLINGS_HOME": "", "HOME": "/h"]).url.path == "/h/.local/share/embedlings")
    }

    @Test("a data directory that cannot be created is refused with its path")
    func cannotCreate() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plain-file-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for path in [file.path, file.appendingPathComponent("inside").path] {
            do {
                try DataDirectory(option: path).prepare()
                Issue.record("\(path) should be refused")
            } catch {
                #expect(error.description.contains(path))
            }
        }
    }
}
