import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The presenter's keys during `embedlings demo` on a terminal: space pauses and resumes,
/// `n` skips ahead to the end of the current step. Puts the terminal in non-canonical,
/// no-echo mode while it lives and restores it when closed.
final class DemoKeyboard {
    private var original = termios()
    private let active: Bool
    /// Set by `n`; the player clears it when a new step starts.
    private(set) var skipRequested = false

    init(enabled: Bool) {
        guard enabled, tcgetattr(STDIN_FILENO, &original) == 0 else {
            active = false
            return
        }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        active = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0
    }

    /// Restores the terminal as it was.
    func close() {
        if active { tcsetattr(STDIN_FILENO, TCSANOW, &original) }
    }

    /// A new step begins: `n` applies to it afresh.
    func startStep() { skipRequested = false }

    /// Waits `seconds`, honouring the keys: returns early after `n`, holds while paused.
    func wait(_ seconds: Double) {
        guard active, !skipRequested else { return }
        var remaining = Int32(seconds * 1000)
        var paused = false
        while remaining > 0 || paused {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let slice: Int32 = 20
            if poll(&descriptor, 1, slice) > 0 {
                var byte: UInt8 = 0
                if read(STDIN_FILENO, &byte, 1) == 1 {
                    switch byte {
                    case UInt8(ascii: " "): paused.toggle()
                    case UInt8(ascii: "n"), UInt8(ascii: "N"):
                        skipRequested = true
                        return
                    default: break
                    }
                }
            }
            if !paused { remaining -= slice }
        }
    }
}
