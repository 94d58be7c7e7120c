import Foundation

/// Runs an action on a thread of its own after a delay: tests use it to press a key or raise a
/// flag while the code under test blocks the calling thread. A thread, not a dispatch queue,
/// so a busy test process cannot hold the action back.
public enum DelayedAction {
    public static func run(after seconds: Double, _ action: @escaping @Sendable () -> Void) {
        Thread {
            Thread.sleep(forTimeInterval: seconds)
            action()
        }.start()
    }
}
