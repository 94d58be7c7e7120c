import CoursePython
import Foundation

/// Runs async work to completion from the interpreter's synchronous thread, unless the run is
/// interrupted (Ctrl-C) first.
///
/// The work runs with a task-executor preference for a dedicated thread, not on Swift's
/// cooperative pool: hosts often call `Interpreter.run` from async code (tests, the CLI), and
/// each such caller blocks a pool thread while the program runs, so on a two-core machine
/// work queued on the pool could wait forever.
///
/// While it waits, the calling thread looks at the run's interruption every `pollInterval`;
/// when it is raised the task is cancelled (which cancels the HTTP request) and the program
/// gets `KeyboardInterrupt` at once, without waiting for the request to wind down.
enum BlockingCall {
    static let pollInterval: DispatchTimeInterval = .milliseconds(50)

    static func run<Value: Sendable, Failure: Error>(
        runtime: Runtime, _ work: @escaping @Sendable () async throws(Failure) -> Value
    ) throws -> Result<Value, Failure> {
        try runtime.stopIfInterrupted()
        let box = ResultBox<Value, Failure>()
        let semaphore = DispatchSemaphore(value: 0)
        let task = Task(executorPreference: DedicatedThreadExecutor.shared) {
            do throws(Failure) {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            semaphore.signal()
        }
        guard let interruption = runtime.interruption else {
            semaphore.wait()
            return try box.finished()
        }
        while semaphore.wait(timeout: .now() + pollInterval) == .timedOut {
            if interruption.isRaised {
                task.cancel()
                try runtime.stopIfInterrupted()
            }
        }
        return try box.finished()
    }
}

/// Holds the outcome between the task that produces it and the thread that waits for it;
/// the semaphore orders the write before the read.
private final class ResultBox<Value, Failure: Error>: @unchecked Sendable {
    var result: Result<Value, Failure>?

    /// The result, once the semaphore said the task stored it.
    func finished() throws -> Result<Value, Failure> {
        guard let result else { throw PyError(BuiltinTypes.runtimeError, "an API call ended without a result") }
        return result
    }
}

/// A task executor with one thread of its own, which runs the jobs enqueued on it in order.
final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = DedicatedThreadExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in runLoop() }
        thread.name = "embedlings.course-modules.api-calls"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unownedJob = UnownedJob(job)
        condition.lock()
        jobs.append(unownedJob)
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
