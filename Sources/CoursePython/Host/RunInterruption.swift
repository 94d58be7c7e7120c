import Foundation

/// A request to stop the program that is running, such as the learner pressing Ctrl-C.
///
/// Hosts make one observable for a stretch of code with `RunInterruption.$current.withValue`;
/// every `Interpreter.run` and `evaluate` started on that thread meanwhile watches it. Once
/// raised it stays raised until `reset()`, so the program raises `KeyboardInterrupt` at its
/// next budget check (every 1,024 steps) and again after any `except` that caught it: the run
/// always ends. Natives that wait (network calls) poll `isRaised` and give up when it is set.
public final class RunInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// The interruption runs on this thread observe; nil (the default) means runs cannot be interrupted.
    @TaskLocal public static var current: RunInterruption?

    /// Asks the running program to stop. Safe from any thread (not from a signal handler:
    /// `InterruptKey` relays the signal through a pipe to a thread that calls this).
    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Whether a stop has been asked for since the last reset.
    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Forgets an earlier request, before the next run.
    public func reset() {
        lock.lock()
        raised = false
        lock.unlock()
    }
}
