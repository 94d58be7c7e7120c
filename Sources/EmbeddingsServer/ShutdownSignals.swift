import Dispatch
import Foundation
import NIOConcurrencyHelpers

/// Waits for SIGINT (Ctrl-C) or SIGTERM, which `embedlings serve` answers by shutting down
/// gracefully instead of dying mid-response.
enum ShutdownSignals {
    static func wait() async {
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: number, queue: .global())
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = NIOLockedValueBox(false)
            for source in sources {
                source.setEventHandler {
                    let first = resumed.withLockedValue { wasResumed in
                        defer { wasResumed = true }
                        return !wasResumed
                    }
                    if first { continuation.resume() }
                }
                source.resume()
            }
        }
        for source in sources { source.cancel() }
    }
}
