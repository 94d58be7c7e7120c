import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C for course code. The course's prompts ignore SIGINT for the whole session, so a
/// stray Ctrl-C never ends it; around a run they call `stopsRuns`, which lets Ctrl-C stop the
/// program instead and puts the previous disposition back afterwards.
///
/// The signal handler only writes one byte to a pipe (async-signal-safe); a thread of its
/// own reads the pipe and raises the `RunInterruption` of the scope that is open.
public enum InterruptKey {
    /// Runs `body` with SIGINT raising a fresh `RunInterruption`, which every interpreter run
    /// started inside `body` on this thread observes (`RunInterruption.current`). Returns the
    /// body's value and whether Ctrl-C was pressed meanwhile.
    public static func stopsRuns<Value>(_ body: () throws -> Value) rethrows -> (value: Value, interrupted: Bool) {
        let relay = SignalRelay.shared
        let interruption = RunInterruption()
        let outerTarget = relay.setTarget(interruption)
        let previousDisposition = signal(SIGINT, relaySignal)
        // A program started with SIGINT blocked (threads of a test runner pass their mask on)
        // would never see the key; this thread, which waits for the run, takes it instead.
        #if canImport(Glibc)
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        #else
        var interruptOnly = sigset_t(1 << (SIGINT - 1))
        #endif
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &interruptOnly, &previousMask)
        defer {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            signal(SIGINT, previousDisposition)
            relay.setTarget(outerTarget)
        }
        let value = try RunInterruption.$current.withValue(interruption) { try body() }
        return (value, interruption.isRaised)
    }
}

/// The SIGINT handler: one byte into the relay's pipe, errno left as it was.
private func relaySignal(_ signal: Int32) {
    let savedErrno = errno
    var byte: UInt8 = 1
    _ = write(signalPipe.writeEnd, &byte, 1)
    errno = savedErrno
}

/// The pipe from the handler to the relay thread. Created before any handler is installed
/// (`SignalRelay.shared` reads it first), so the handler never runs its initialiser. The
/// write end is non-blocking: a full pipe drops a key press instead of blocking the handler.
private let signalPipe: (readEnd: Int32, writeEnd: Int32) = {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return (-1, -1) }
    _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
    _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
    return (descriptors[0], descriptors[1])
}()

/// Reads the pipe on a thread of its own and raises the current target for every byte.
private final class SignalRelay: @unchecked Sendable {
    static let shared = SignalRelay()

    private let lock = NSLock()
    private var target: RunInterruption?

    private init() {
        let readEnd = signalPipe.readEnd
        guard readEnd >= 0 else { return }
        let thread = Thread { [self] in relay(from: readEnd) }
        thread.name = "embedlings.interrupt-key"
        thread.start()
    }

    /// Makes `interruption` the one Ctrl-C raises; returns the one it replaces.
    @discardableResult
    func setTarget(_ interruption: RunInterruption?) -> RunInterruption? {
        lock.lock()
        defer { lock.unlock() }
        let previous = target
        target = interruption
        return previous
    }

    private func relay(from readEnd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                lock.lock()
                let current = target
                lock.unlock()
                current?.raise()
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
