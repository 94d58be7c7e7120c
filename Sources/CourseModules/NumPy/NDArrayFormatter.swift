/// numpy 2's `repr` and `str` of arrays: precision 8 with trailing zeros suppressed, scientific
/// notation when the magnitudes call for it, line wrapping at 75 columns, and summarisation
/// with `...` above 1000 elements (three items from each end of each axis).
enum NDArrayFormatter {
    static let lineWidth = 75
    static let precision = 8
    static let threshold = 1000
    static let edgeItems = 3

    /// `array([1. , 2.5])`, `array([], dtype=float64)`, `array([...], shape=(2000,))`.
    static func repr(_ array: NDArray) -> String {
        let prefix = "array("
        var extras: [String] = []
        let summarised = array.size > threshold
        if array.size == 0 {
            if array.shape != [0] { extras.append("shape=\(NDArray.shapeText(array.shape))") }
            extras.append("dtype=\(array.dtype.rawValue)")
            return prefix + "[]" + extras.map { ", " + $0 }.joined() + ")"
        }
        let body = format(array, separator: ", ", prefix: prefix, lineWidth: lineWidth - 1, summarised: summarised)
        if summarised { extras.append("shape=\(NDArray.shapeText(array.shape))") }
        guard !extras.isEmpty else { return prefix + body + ")" }
        var text = prefix + body + ","
        let extraText = extras.joined(separator: ", ")
        let lastLineLength = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
        if lastLineLength + extraText.count + 2 > lineWidth {
            text += "\n" + String(repeating: " ", count: prefix.count) + extraText + ")"
        } else {
            text += " " + extraText + ")"
        }
        return text
    }

    /// `[0.1 0.2 0.3]`, rows on their own lines.
    static func str(_ array: NDArray) -> String {
        if array.size == 0 { return "[]" }
        return format(array, separator: " ", prefix: "", lineWidth: lineWidth, summarised: array.size > threshold)
    }

    // MARK: - Layout (numpy's _formatArray)

    private static func format(_ array: NDArray, separator: String, prefix: String, lineWidth: Int, summarised: Bool) -> String {
        let shown = summarised ? leadingAndTrailing(array) : array.elements
        let element = elementFormatter(for: shown, dtype: array.dtype)
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        let summaryInsert = summarised ? "..." : ""

        func extend(_ s: inout String, _ line: inout String, _ word: String, width: Int, hangingIndent: String) {
            var needsWrap = line.count + word.count > width
            if line.count <= hangingIndent.count { needsWrap = false }
            if needsWrap {
                s += rstrip(line) + "\n"
                line = hangingIndent
            }
            line += word
        }

        func recurse(_ index: [Int], hangingIndent: String, currentWidth: Int) -> String {
            let axis = index.count
            let axesLeft = array.ndim - axis
            if axesLeft == 0 {
                let flat = array.ndim == 1 ? index[0] : index[0] * array.shape[1] + index[1]
                return element(array.elements[flat])
            }
            let nextHangingIndent = hangingIndent + " "
            let nextWidth = currentWidth - 1
            let length = array.shape[axis]
            let showSummary = !summaryInsert.isEmpty && 2 * edgeItems < length
            let leadingItems = showSummary ? edgeItems : 0
            let trailingItems = showSummary ? edgeItems : length
            var s = ""
            if axesLeft == 1 {
                let separatorWidth = rstrip(separator).count
                let elementWidth = currentWidth - max(separatorWidth, 1)
                var line = hangingIndent
                for i in 0..<leadingItems {
                    let word = recurse(index + [i], hangingIndent: nextHangingIndent, currentWidth: nextWidth)
                    extend(&s, &line, word, width: elementWidth, hangingIndent: hangingIndent)
                    line += separator
                }
                if showSummary {
                    extend(&s, &line, summaryInsert, width: elementWidth, hangingIndent: hangingIndent)
                    line += separator
                }
                var i = trailingItems
                while i > 1 {
                    let word = recurse(index + [length - i], hangingIndent: nextHangingIndent, currentWidth: nextWidth)
                    extend(&s, &line, word, width: elementWidth, hangingIndent: hangingIndent)
                    line += separator
                    i -= 1
                }
                let word = recurse(index + [length - 1], hangingIndent: nextHangingIndent, currentWidth: nextWidth)
                extend(&s, &line, word, width: elementWidth, hangingIndent: hangingIndent)
                s += line
            } else {
                let lineSeparator = rstrip(separator) + String(repeating: "\n", count: axesLeft - 1)
                for i in 0..<leadingItems {
                    s += hangingIndent + recurse(index + [i], hangingIndent: nextHangingIndent, currentWidth: nextWidth) + lineSeparator
                }
                if showSummary { s += hangingIndent + summaryInsert + lineSeparator }
                var i = trailingItems
                while i > 1 {
                    s += hangingIndent + recurse(index + [length - i], hangingIndent: nextHangingIndent, currentWidth: nextWidth) + lineSeparator
                    i -= 1
                }
                s += hangingIndent + recurse(index + [length - 1], hangingIndent: nextHangingIndent, currentWidth: nextWidth)
            }
            return "[" + String(s.dropFirst(hangingIndent.count)) + "]"
        }
        return recurse([], hangingIndent: nextLinePrefix, currentWidth: lineWidth)
    }

    /// The elements numpy looks at to choose a format when summarising: three from each end of each axis.
    private static func leadingAndTrailing(_ array: NDArray) -> [Double] {
        func edges(_ length: Int) -> [Int] {
            length > 2 * edgeItems ? Array(0..<edgeItems) + Array(length - edgeItems..<length) : Array(0..<length)
        }
        if array.ndim == 1 { return edges(array.shape[0]).map { array.elements[$0] } }
        let columns = array.shape[1]
        return edges(array.shape[0]).flatMap { row in edges(columns).map { array.elements[row * columns + $0] } }
    }

    private static func rstrip(_ text: String) -> String {
        var result = text
        while result.last == " " || result.last == "\n" { result.removeLast() }
        return result
    }

    // MARK: - Elements

    private static func elementFormatter(for values: [Double], dtype: NDType) -> (Double) -> String {
        switch dtype {
        case .bool:
            return { leftPad($0 != 0 ? "True" : "False", 5) }
        case .int64:
            let width = values.map { NDScalar.integerText($0).count }.max() ?? 1
            return { leftPad(NDScalar.integerText($0), width) }
        case .float64:
            return FloatElementFormat(values).format
        }
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension NDArray {
    /// numpy 2's `repr(a)`.
    public var repr: String { NDArrayFormatter.repr(self) }
    /// numpy 2's `str(a)` (what `print(a)` shows).
    public var str: String { NDArrayFormatter.str(self) }
}
