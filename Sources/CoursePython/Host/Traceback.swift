/// Renders an exception as CPython 3.11 prints it: the traceback header, one entry per frame
/// (file, line, function, the source line, and `~~^^` marks under the failing expression),
/// then the exception line with any "Did you mean" suggestion, then our hint line if any.
enum TracebackFormatter {
    static func render(_ exception: PyExceptionObject, runtime: Runtime) -> String {
        var out = ""
        if !exception.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            var previous: TracebackEntry?
            var repeats = 0
            func flushRepeats() {
                if repeats > 3 {
                    out += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
                }
            }
            for entry in exception.traceback.reversed() {
                if entry == previous {
                    repeats += 1
                    if repeats > 3 { continue }
                } else {
                    flushRepeats()
                    repeats = 1
                    previous = entry
                }
                out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
                if let line = entry.sourceLine {
                    out += lineWithCarets(line, entry.caret)
                }
            }
            flushRepeats()
        }
        out += exceptionLine(exception, runtime: runtime) + "\n"
        if let hint = exception.hint { out += hint + "\n" }
        return out
    }

    /// `KeyError: 'x'`, `NameError: name 'respose' is not defined. Did you mean: 'response'?`
    static func exceptionLine(_ exception: PyExceptionObject, runtime: Runtime) -> String {
        let type = exception.pythonType
        let name = type.module.map { $0 == "builtins" ? type.name : "\($0).\(type.name)" } ?? type.name
        let message = (try? exception.str(runtime: runtime)) ?? ""
        var line = message.isEmpty ? name : "\(name): \(message)"
        if let suggestion = exception.suggestion { line += ". Did you mean: '\(suggestion)'?" }
        return line
    }

    private static func lineWithCarets(_ source: String, _ caret: CaretRange?) -> String {
        let chars = Array(source)
        let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
        var trimmedEnd = chars.count
        while trimmedEnd > indent, chars[trimmedEnd - 1] == " " || chars[trimmedEnd - 1] == "\r" { trimmedEnd -= 1 }
        let shown = String(chars[indent..<trimmedEnd])
        var out = "    \(shown)\n"
        guard let caret else { return out }
        let start = max(caret.start, indent)
        let end = min(caret.end, trimmedEnd)
        guard start < end else { return out }
        let coversLine = start == indent && end == trimmedEnd
        let hasAnchor = caret.anchorStart != nil
        if coversLine && !hasAnchor { return out }
        var marks = ""
        for column in start..<end {
            if let a = caret.anchorStart, let b = caret.anchorEnd {
                marks.append(column >= a && column < b ? "^" : "~")
            } else {
                marks.append("^")
            }
        }
        out += "    " + String(repeating: " ", count: start - indent) + marks + "\n"
        return out
    }
}
