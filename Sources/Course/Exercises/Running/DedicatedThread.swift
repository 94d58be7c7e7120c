import Foundation

/// Runs blocking interpreter work on a thread of its own. Course code waits synchronously for
/// the embeddings endpoint, whose requests run as tasks on Swift's cooperative thread pool;
/// an async caller that ran such work directly would tie up a pool thread, and a few at once
/// (parallel grading, parallel tests) would leave none for the requests they wait on.
public enum DedicatedThread {
    /// Runs `work` on a new thread and resumes when it is done.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.start()
        }
    }
}
