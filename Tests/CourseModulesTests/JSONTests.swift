import Foundation
import Testing
@testable import CourseModules

/// json.loads followed by json.dumps, compared with CPython on the same documents and options.
@Suite struct JSONTests {
    static let documents = [
        #"{"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 1e-07, 12345678901234567890]}], "usage": {"prompt_tokens": 8}}"#,
        #"[1, 2.5, -0.0, 1E400, -1e-400, 3.0e2, "caf\u00e9 \ud83d\ude00 \u2603 tab\t quote\" slash\/", true, false, null, [], {}]"#,
        #"{"z": 1, "a": {"y": [1, {"b": 2, "a": 3}]}, "é": "ü", "A": NaN, "B": -Infinity, "a": "last wins"}"#,
        "  \"\\u0000\\u001f\\u007f\\b\\f\\n\\r\" ",
        "0.1", "1.7976931348623157e308", "5e-324", "[100000000000000000000.0, 1e16, 1e15, 0.0001, 0.00001]",
    ]

    static let options: [(python: String, writer: JSONWriter)] = [
        ("", JSONWriter()),
        ("indent=2", JSONWriter(indent: "  ")),
        ("indent=0, sort_keys=True", JSONWriter(indent: "", sortKeys: true)),
        ("ensure_ascii=False", JSONWriter(ensureASCII: false)),
        ("separators=(',', ':'), sort_keys=True", JSONWriter(separators: (",", ":"), sortKeys: true)),
        ("indent='\\t', separators=(';', ' = ')", JSONWriter(indent: "\t", separators: (";", " = "))),
    ]

    @Test("loads then dumps gives CPython's text for every option set")
    func matchesCPython() throws {
        guard case .success(let python) = ReferencePython.find(modules: ["json"]) else {
            print("skipped: JSON not compared with CPython: python3 not found")
            return
        }
        for (pythonOptions, writer) in Self.options {
            let script = """
            import sys, json
            for line in sys.stdin.read().split("\\n"):
                print(json.dumps(json.loads(line), \(pythonOptions)))
                print("\\x00")
            """
            let output = try python.run(script: script, input: Self.documents.joined(separator: "\n"))
            #expect(output.status == 0, "\(output.stderr)")
            let expected = output.stdout.components(separatedBy: "\n\u{00}\n")
            for (document, reference) in zip(Self.documents, expected) {
                let ours = try writer.write(JSONReader.read(document))
                #expect(ours == reference, "options: \(pythonOptions)")
            }
        }
    }

    @Test("malformed documents fail with CPython's message and position")
    func decodeErrors() throws {
        let cases: [(String, String)] = [
            ("", "Expecting value: line 1 column 1 (char 0)"),
            ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
            ("[1, 2", "Expecting ',' delimiter: line 1 column 6 (char 5)"),
            ("{'a': 1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
            (#"{"a" 1}"#, "Expecting ':' delimiter: line 1 column 6 (char 5)"),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            (#"{"a": 1,}"#, "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"),
            ("12 13", "Extra data: line 1 column 4 (char 3)"),
            ("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
            ("[\n  1,\n  x]", "Expecting value: line 3 column 3 (char 9)"),
            (#""\q""#, "Invalid \\escape: line 1 column 2 (char 1)"),
        ]
        for (document, message) in cases {
            #expect(throws: JSONError.self, "\(document)") { try JSONReader.read(document) }
            do {
                _ = try JSONReader.read(document)
            } catch {
                #expect(error.message == message)
                #expect(error.kind == .decode)
            }
        }
    }

    @Test("nan is refused when allow_nan is off, with CPython's message")
    func refusesNaN() {
        #expect(throws: JSONError(.value, "Out of range float values are not JSON compliant")) {
            try JSONWriter(allowNaN: false).write(.array([.float(.nan)]))
        }
    }
}
