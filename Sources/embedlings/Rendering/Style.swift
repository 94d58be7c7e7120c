import Foundation
import LineEditor

/// ANSI colours, used only when standard output is a terminal and neither `--no-color`
/// nor the `NO_COLOR` environment variable (any non-empty value) asks for plain text.
struct Style: Sendable {
    /// Whether escape codes are written at all.
    let isEnabled: Bool

    static func detect(noColorFlag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        let noColorEnvironment = !(environment["NO_COLOR"] ?? "").isEmpty
        return Style(isEnabled: !noColorFlag && !noColorEnvironment && TerminalInfo.isTerminal(1))
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func success(_ text: String) -> String { wrap(text, "32") }
    func failure(_ text: String) -> String { wrap(text, "31") }
    func accent(_ text: String) -> String { wrap(text, "36") }
    func warning(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
