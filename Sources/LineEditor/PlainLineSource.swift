import Foundation

/// Reads lines from standard input when it is not a terminal (pipes, scripts, tests):
/// the prompt is printed as plain text, nothing is echoed, no escape codes are written.
final class PlainLineSource: LineSource {
    var completion: CompletionProvider?
    private var pending = Data()
    private var ended = false

    func readLine(prompt: String) -> LineInput {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                return .text(Self.decode(line))
            }
            if ended {
                guard !pending.isEmpty else { return .endOfInput }
                let line = pending
                pending = Data()
                return .text(Self.decode(line))
            }
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { ended = true } else { pending.append(chunk) }
        }
    }

    func remember(_ line: String) {}

    private static func decode(_ bytes: Data) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
