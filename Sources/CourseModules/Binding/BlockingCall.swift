import Foundation

/// Runs async work to completion from the interpreter's synchronous thread. The interpreter
/// runs on its own thread (never on the cooperative pool), so waiting here cannot starve the
/// task it waits for.
enum BlockingCall {
    static func run<Value: Sendable, Failure: Error>(_ work: @escaping @Sendable () async throws(Failure) -> Value) -> Result<Value, Failure> {
        let box = ResultBox<Value, Failure>()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(Failure) {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        return box.result!
    }
}

/// Holds the outcome between the task that produces it and the thread that waits for it;
/// the semaphore orders the write before the read.
private final class ResultBox<Value, Failure: Error>: @unchecked Sendable {
    var result: Result<Value, Failure>?
}
