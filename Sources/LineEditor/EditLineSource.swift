import CEditLine
import Foundation

/// Reads lines through libedit: editing keys, history (saved to a file after every entry),
/// tab completion, and Ctrl-C as a key that abandons the current line.
final class EditLineSource: LineSource {
    var completion: CompletionProvider? {
        get { state.completion }
        set { state.completion = newValue }
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer?
    private let historyFile: URL?
    private let state: EditLineState
    private let retainedState: Unmanaged<EditLineState>

    init?(program: String, historyFile: URL?, historySize: Int) {
        guard let editLine = embedlings_el_open(program) else { return nil }
        self.editLine = editLine
        self.historyFile = historyFile
        state = EditLineState()
        retainedState = Unmanaged.passRetained(state)
        history = embedlings_history_open(Int32(historySize))
        embedlings_el_set_client_data(editLine, retainedState.toOpaque())
        embedlings_el_set_editor(editLine, "emacs")
        embedlings_el_set_signal_handling(editLine, 1)
        embedlings_el_disable_tty_signals(editLine)
        embedlings_el_set_prompt(editLine) { editLine in
            EditLineState.from(editLine)?.promptPointer
        }
        embedlings_el_add_function(editLine, "embedlings-interrupt", "Abandon the current line") { editLine, _ in
            EditLineState.from(editLine)?.interrupted = true
            return UInt8(CC_NEWLINE)
        }
        embedlings_el_bind(editLine, "^C", "embedlings-interrupt")
        embedlings_el_add_function(editLine, "embedlings-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let state = EditLineState.from(editLine) else { return UInt8(CC_ERROR) }
            return state.complete(editLine)
        }
        embedlings_el_bind(editLine, "^I", "embedlings-complete")
        if let history {
            embedlings_el_use_history(editLine, history)
            if let historyFile, FileManager.default.fileExists(atPath: historyFile.path) {
                embedlings_history_load(history, historyFile.path)
            }
        }
    }

    deinit {
        el_end(editLine)
        if let history { history_end(history) }
        retainedState.release()
    }

    func readLine(prompt: String) -> LineInput {
        state.setPrompt(prompt)
        state.interrupted = false
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .endOfInput
        }
        if state.interrupted {
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return .interrupted
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .text(line)
    }

    func remember(_ line: String) {
        guard let history, !line.allSatisfy(\.isWhitespace) else { return }
        embedlings_history_enter(history, line)
        guard let historyFile else { return }
        if !FileManager.default.fileExists(atPath: historyFile.path) {
            _ = FileManager.default.createFile(atPath: historyFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        embedlings_history_save(history, historyFile.path)
    }
}

/// State the C callbacks reach through libedit's client-data pointer.
final class EditLineState {
    var completion: CompletionProvider?
    var interrupted = false
    private(set) var promptPointer: UnsafeMutablePointer<CChar>?

    deinit { free(promptPointer) }

    func setPrompt(_ prompt: String) {
        free(promptPointer)
        promptPointer = strdup(prompt)
    }

    static func from(_ editLine: OpaquePointer?) -> EditLineState? {
        guard let editLine, let data = embedlings_el_get_client_data(editLine) else { return nil }
        return Unmanaged<EditLineState>.fromOpaque(data).takeUnretainedValue()
    }

    /// Completes the word before the cursor: inserts the only candidate (and a space), or the
    /// longest common prefix of several and lists them.
    func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let completion, let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let length = start.distance(to: cursor)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self), count: length)
        let request = CompletionRequest(lineBeforeCursor: String(decoding: bytes, as: UTF8.self))
        let candidates = Array(Set(completion(request).filter { $0.hasPrefix(request.word) })).sorted()
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            let suffix = String(candidates[0].dropFirst(request.word.count)) + " "
            el_insertstr(editLine, suffix)
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(candidates)
        if common.count > request.word.count {
            el_insertstr(editLine, String(common.dropFirst(request.word.count)))
            return UInt8(CC_REFRESH)
        }
        FileHandle.standardOutput.write(Data(("\n" + candidates.joined(separator: "  ") + "\n").utf8))
        return UInt8(CC_REDISPLAY)
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
