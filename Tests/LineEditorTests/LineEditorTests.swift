import LineEditor
import Testing

@Suite("Line editor")
struct LineEditorTests {
    @Test("a line ending in a colon opens a block that an empty line closes")
    func pythonBlocks() {
        let needsMore = ContinuationRules.pythonBlocks
        #expect(needsMore("for word in words:"))
        #expect(needsMore("for word in words:  # each one"))
        #expect(needsMore("for word in words:\n    print(word)"))
        #expect(!needsMore("for word in words:\n    print(word)\n"))
        #expect(!needsMore("for word in words:\n    print(word)\n   "))
        #expect(!needsMore("print('a:')"))
        #expect(!needsMore("x = 1"))
        #expect(!needsMore("1,3"))
    }

    @Test("open brackets and a trailing backslash ask for another line, brackets inside strings do not")
    func bracketsAndBackslash() {
        let needsMore = ContinuationRules.pythonBlocks
        #expect(needsMore("vector = [0.1,"))
        #expect(!needsMore("vector = [0.1,\n 0.2]"))
        #expect(needsMore("total = 1 + \\"))
        #expect(!needsMore("text = \"(\""))
        #expect(!needsMore("# a comment with ( in it"))
    }

    @Test("the forgiving rule lets an empty line end an entry even inside an open bracket")
    func emptyLineAlwaysEnds() {
        let needsMore = ContinuationRules.pythonBlocksClosedByEmptyLine
        #expect(needsMore("(a"))
        #expect(!needsMore("(a\n"))
        #expect(needsMore("for word in words:"))
        #expect(needsMore("for word in words:\n    print(word)"))
        #expect(!needsMore("for word in words:\n    print(word)\n"))
        #expect(ContinuationRules.pythonBlocks("(a\n"))
    }

    @Test("single-line entries never continue")
    func singleLine() {
        #expect(!ContinuationRules.singleLine("def f():"))
    }

    @Test("the completion request exposes the word right before the cursor")
    func completionWord() {
        #expect(CompletionRequest(lineBeforeCursor: ":go").word == ":go")
        #expect(CompletionRequest(lineBeforeCursor: ":goto what").word == "what")
        #expect(CompletionRequest(lineBeforeCursor: ":goto ").word == "")
        #expect(CompletionRequest(lineBeforeCursor: "").word == "")
    }
}
