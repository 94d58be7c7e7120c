import Foundation
import LineEditor

/// Where the session writes: standard output, wrapped to the terminal's current width (80 when unknown),
/// styled only when colour is allowed. Writes go straight to the file descriptor, unbuffered,
/// so they interleave correctly with libedit's own output.
struct Screen: Sendable {
    let style: Style
    private let fixedWidth: Int?

    /// - Parameter width: a fixed width; nil follows the terminal, re-read for every paragraph
    ///   so a resized window is honoured.
    init(style: Style, width: Int? = nil) {
        self.style = style
        self.fixedWidth = width
    }

    /// Wraps to the current width.
    var wrapper: TextWrapper {
        TextWrapper(width: fixedWidth ?? TerminalInfo.columns(of: 1))
    }

    /// Prints text as-is followed by a newline.
    func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints text wrapped to the terminal width, then styled by `decorate` line by line.
    func paragraph(_ text: String, indent: String = "", decorate: (String) -> String = { $0 }) {
        let wrapped = wrapper.wrap(text, indent: indent)
        line(wrapped.split(separator: "\n", omittingEmptySubsequences: false).map { decorate(String($0)) }.joined(separator: "\n"))
    }

    /// Prints one line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
