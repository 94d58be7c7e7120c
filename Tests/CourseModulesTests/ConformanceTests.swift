import CourseModules
import CoursePython
import Foundation
import Testing

/// Each program in Conformance/ is run by embedlings and by CPython 3.11 with numpy and scipy;
/// their standard output must be identical, character for character.
@Suite struct ConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    static var programs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    /// tiktoken reads cl100k_base from this directory (under the name of its download URL's hash)
    /// instead of downloading it; the file is the ranks file this repository ships.
    static func tiktokenCache() -> String {
        let root = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let ranks = root.appendingPathComponent("Sources/Tokenizer/Resources/cl100k_base.tiktoken")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("embedlings-tiktoken-cache")
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let target = cache.appendingPathComponent("9b5ad71b2ce5302211f9c61530b329a4922fc6a4")
        if !FileManager.default.fileExists(atPath: target.path) { try? FileManager.default.copyItem(at: ranks, to: target) }
        return cache.path
    }

    @Test("the corpus is present")
    func corpusExists() {
        #expect(Self.programs.count >= 8)
    }

    @Test("embedlings prints what CPython prints", arguments: programs)
    func sameOutputAsCPython(program: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(program), encoding: .utf8)
        let python: ReferencePython
        let needed = program.hasPrefix("tiktoken") ? ["tiktoken"] : ["numpy", "scipy"]
        switch ReferencePython.find(modules: needed) {
        case .success(let found): python = found
        case .failure(let reason):
            print("skipped: \(program) not compared with CPython: \(reason.text)")
            return
        }
        let reference = try python.run(script: source, environment: ["TIKTOKEN_CACHE_DIR": Self.tiktokenCache()])
        #expect(reference.status == 0, "CPython failed on \(program): \(reference.stderr)")
        let interpreter = Interpreter(modules: CourseModules.standardModules())
        let result = interpreter.run(source, filename: program)
        #expect(result.error == nil, "\(program): \(result.error?.traceback ?? "")")
        let ours = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = reference.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for (line, (mine, expected)) in zip(ours, theirs).enumerated() where mine != expected {
            Issue.record("\(program) line \(line + 1):\n  embedlings: \(mine)\n  CPython:    \(expected)")
        }
        #expect(ours.count == theirs.count, "\(program): \(ours.count) lines, CPython printed \(theirs.count)")
    }
}
