import Foundation
import Testing

/// Runs a program on a pseudo-terminal, as a person's terminal would: the test types bytes
/// into the master side and reads what the program draws.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case setup(String)
        var description: String {
            switch self { case .setup(let step): "could not set up a pseudo-terminal: \(step) failed (\(String(cString: strerror(errno))))" }
        }
    }

    private let master: Int32
    private let pid: pid_t
    private var received = Data()
    private var exitStatus: Int32?

    /// - Parameter controllingTerminal: start the program in a session of its own with this
    ///   terminal as its controlling terminal, so that typing Ctrl-C sends it SIGINT (when the
    ///   terminal's signal keys are on) as a person's terminal does.
    init(executable: URL, arguments: [String], environment: [String: String], columns: UInt16 = 80, rows: UInt16 = 24,
         controllingTerminal: Bool = false) throws {
        // Swift's Glibc module hides the XSI pseudo-terminal functions, so they are looked up in libc.
        guard let openMaster = Self.libcFunction("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
              let grant = Self.libcFunction("grantpt", as: (@convention(c) (Int32) -> Int32).self),
              let unlock = Self.libcFunction("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
              let slaveName = Self.libcFunction("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self) else {
            throw Failure.setup("finding posix_openpt in libc")
        }
        master = openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw Failure.setup("posix_openpt") }
        guard grant(master) == 0, unlock(master) == 0, let namePointer = slaveName(master) else {
            close(master)
            throw Failure.setup("grantpt/unlockpt/ptsname")
        }
        let slavePath = String(cString: namePointer)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if controllingTerminal {
            // glibc's POSIX_SPAWN_SETSID: setsid() runs before the file actions, so opening the
            // terminal's slave side then makes it the new session's controlling terminal.
            // A shell starts programs with no signal blocked and default dispositions; the
            // test runner's thread may block SIGINT, and the child would inherit that.
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            posix_spawnattr_setsigdefault(&attributes, &interrupt)
            posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            errno = result
            throw Failure.setup("posix_spawn")
        }
        pid = child
    }

    /// glibc's `POSIX_SPAWN_SETSID` (a GNU extension Swift's Glibc module does not export).
    private static let spawnSetSession: Int32 = 0x80

    private static func libcFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text (including control characters such as "\u{1B}[A" for the up arrow).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in _ = write(master, buffer.baseAddress, buffer.count) }
    }

    /// Waits until the program is idle at its prompt, then types: keys typed while it is still
    /// drawing would reach the terminal's cooked mode instead of the line editor.
    func typeAtPrompt(_ text: String, prompt: String = "> ") {
        waitForPrompt(prompt)
        type(text)
    }

    /// Everything drawn so far, escape sequences included.
    var rawTranscript: String { String(decoding: received, as: UTF8.self) }

    /// Everything drawn so far with escape sequences and carriage returns removed.
    var screenText: String { Self.stripEscapes(rawTranscript) }

    /// Reads until the screen text contains `text` `count` times or `timeout` passes.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screenText.components(separatedBy: text).count - 1 >= count { return true }
            if !readAvailable(until: deadline) { break }
        }
        return screenText.components(separatedBy: text).count - 1 >= count
    }

    /// Reads until the program shows `prompt` at the end of the screen and draws nothing more
    /// for a moment: it is waiting for input.
    @discardableResult
    func waitForPrompt(_ prompt: String = "> ", timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let before = received.count
            if !readAvailable(until: Date().addingTimeInterval(0.15)) { return false }
            if received.count == before, screenText.hasSuffix(prompt) { return true }
        }
        return false
    }

    /// Waits for the program to exit; nil if it is still running after `timeout` (it is then killed).
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readAvailable(until: Date().addingTimeInterval(0.05))
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitStatus = code
                return code
            }
        }
        return nil
    }

    /// Reads what is available, waiting at most until `deadline`; false when the terminal closed.
    private func readAvailable(until deadline: Date) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
        guard poll(&descriptor, 1, min(milliseconds, 100)) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        received.append(contentsOf: buffer[0..<count])
        return true
    }

    static func stripEscapes(_ text: String) -> String {
        var result = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let final = iterator.next(), !(0x40...0x7E).contains(final.value) {}
                } else if next == "]" {
                    while let final = iterator.next(), final != "\u{07}" {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{07}" || scalar == "\u{08}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
