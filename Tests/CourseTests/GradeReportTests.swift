import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Course

/// A small batch: alice passes one exercise and fails another, bob's code timed out, and
/// carol has a name and feedback full of characters that formats must escape.
private func sampleReport() -> GradeReport {
    GradeReport(
        learners: [
            LearnerGrade(learner: "alice", submissions: [
                SubmissionGrade(exercise: "creating-embeddings", file: "subs/alice/creating-embeddings.py",
                                status: .passed, checksPassed: 5, checksTotal: 5, feedback: "", durationSeconds: 0.25),
                SubmissionGrade(exercise: "digging-into-the-response", file: "subs/alice/digging-into-the-response.py",
                                status: .failed, checksPassed: 3, checksTotal: 4,
                                feedback: "Your output should contain `1536`.", durationSeconds: 0.5),
            ]),
            LearnerGrade(learner: "bob", submissions: [
                SubmissionGrade(exercise: "creating-embeddings", file: "subs/bob/creating-embeddings.py",
                                status: .timeout, checksPassed: 0, checksTotal: 5,
                                feedback: "Your code ran longer than 5 seconds and was stopped.", durationSeconds: 5.0),
            ]),
            LearnerGrade(learner: "carol, \"the <brave>\"", submissions: [
                SubmissionGrade(exercise: "creating-embeddings", file: "subs/carol/creating-embeddings.py",
                                status: .failed, checksPassed: 2, checksTotal: 5,
                                feedback: "It should be a dict & not <CreateEmbeddingResponse>\nsecond line", durationSeconds: 0.1),
            ]),
        ],
        exercises: ["creating-embeddings", "digging-into-the-response"],
        durationSeconds: 5.9
    )
}

@Test("totals count passes and failures and average the learners' scores")
func reportTotals() {
    let report = sampleReport()
    #expect(report.passedCount == 1)
    #expect(report.failedCount == 3)
    #expect(!report.allPassed)
    #expect(abs(report.learners[0].score - 0.875) < 1e-9)
    #expect(report.learners[1].score == 0)
    #expect(abs(report.score - (0.875 + 0 + 0.4) / 3) < 1e-9)
}

@Test("the JSON report carries per-exercise passed, score, feedback and duration plus totals")
func jsonReportSchema() throws {
    let text = JSONGradeReport.render(sampleReport())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "embedlings-grade/1")
    let learners = try #require(object["learners"] as? [[String: Any]])
    #expect(learners.map { $0["learner"] as? String } == ["alice", "bob", "carol, \"the <brave>\""])
    let aliceExercises = try #require(learners[0]["exercises"] as? [[String: Any]])
    let digging = aliceExercises[1]
    #expect(digging["exercise"] as? String == "digging-into-the-response")
    #expect(digging["passed"] as? Bool == false)
    #expect(digging["status"] as? String == "failed")
    #expect(digging["score"] as? Double == 0.75)
    #expect(digging["checks_passed"] as? Int == 3)
    #expect(digging["checks_total"] as? Int == 4)
    #expect(digging["feedback"] as? String == "Your output should contain `1536`.")
    #expect(digging["duration_seconds"] as? Double == 0.5)
    let totals = try #require(object["totals"] as? [String: Any])
    #expect(totals["learners"] as? Int == 3)
    #expect(totals["submissions"] as? Int == 4)
    #expect(totals["passed"] as? Int == 1)
    #expect(totals["failed"] as? Int == 3)
    #expect(totals["duration_seconds"] as? Double == 5.9)
}

/// Collects the elements and attributes of a parsed XML document.
private final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append((elementName, attributeDict))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

@Test("the JUnit report parses back as XML with a suite per learner and failures and errors told apart")
func junitReportParsesBack() throws {
    let xml = JUnitGradeReport.render(sampleReport())
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = XMLCollector()
    parser.delegate = collector
    #expect(parser.parse(), "JUnit output does not parse: \(String(describing: parser.parserError))\n\(xml)")
    let root = try #require(collector.elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes["tests"] == "4")
    #expect(root.attributes["failures"] == "2")
    #expect(root.attributes["errors"] == "1")
    let suites = collector.elements.filter { $0.name == "testsuite" }
    #expect(suites.map { $0.attributes["name"] } == ["alice", "bob", "carol, \"the <brave>\""])
    let cases = collector.elements.filter { $0.name == "testcase" }
    #expect(cases.count == 4)
    #expect(cases[1].attributes["name"] == "digging-into-the-response")
    #expect(cases[1].attributes["time"] == "0.500")
    let failures = collector.elements.filter { $0.name == "failure" }
    #expect(failures.count == 2)
    #expect(failures[1].attributes["message"] == "It should be a dict & not <CreateEmbeddingResponse>\nsecond line")
    let errors = collector.elements.filter { $0.name == "error" }
    #expect(errors.map { $0.attributes["type"] } == ["timeout"])
}

@Test("the JUnit report stays well-formed when feedback holds control characters")
func junitReportSurvivesControlCharacters() {
    var report = sampleReport()
    report.learners[0].submissions[1].feedback = "bell \u{07} and nul \u{00} end"
    let parser = XMLParser(data: Data(JUnitGradeReport.render(report).utf8))
    #expect(parser.parse())
}

@Test("the CSV report has a row per learner and a column per exercise, blank where nothing was submitted")
func csvReportLayout() {
    let csv = CSVGradeReport.render(sampleReport())
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines[0] == "learner,creating-embeddings,digging-into-the-response,passed,score")
    #expect(lines[1] == "alice,1.00,0.75,1,0.88")
    #expect(lines[2] == "bob,0.00,,0,0.00")
    #expect(lines[3] == "\"carol, \"\"the <brave>\"\"\",0.40,,0,0.40")
    #expect(lines.count == 5 && lines[4].isEmpty)
}

@Test("a CSV field that would start a spreadsheet formula is defused")
func csvFormulaInjection() {
    #expect(CSVGradeReport.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(CSVGradeReport.field("-0.5") == "-0.5")
}

@Test("the text report gives a line per submission with the failing feedback and a totals line")
func textReport() {
    let text = TextGradeReport.render(sampleReport())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("PASS  alice  creating-embeddings  5/5 checks"))
    #expect(lines[1].contains("FAIL  alice  digging-into-the-response  3/4 checks (failed) — Your output should contain `1536`."))
    #expect(lines[2].contains("(timeout)"))
    #expect(lines[4].hasPrefix("1 of 4 submissions passed, 3 learners"))
}
