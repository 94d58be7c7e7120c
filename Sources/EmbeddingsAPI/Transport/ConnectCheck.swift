import Foundation

/// Before the first request to a host:port, checks that a TCP connection opens there within
/// `connectTimeout`, and remembers for its own lifetime (one client's) each one that did.
///
/// `URLSession` on Linux has only an overall timeout (600 s, as the SDK), so without this
/// check a URL where nothing answers would hold an exercise for 600 s on every attempt. A
/// failed check is a `TransportError.connection` whose detail is a hint for the learner
/// (what failed, at which host:port, and how to switch back); retries then apply as for any
/// connection error, each bounded by the same limit.
final class ConnectCheck: @unchecked Sendable {
    /// The connect limit of the official SDK: openai-python's
    /// `DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)`.
    static let connectTimeout: Duration = .seconds(5)

    private let limit: Duration
    private let environment: [String: String]
    private let lock = NSLock()
    private var reachable: Set<ConnectTarget> = []

    init(limit: Duration = ConnectCheck.connectTimeout, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.limit = limit
        self.environment = environment
    }

    /// Returns once `url`'s host:port (or its proxy) has accepted a connection, now or before.
    func verify(_ url: URL) async throws(TransportError) {
        guard let target = ConnectTarget(url: url, environment: environment) else { return }
        if isReachable(target) { return }
        let outcome = await Self.probe(target, limit: limit)
        switch outcome {
        case .connected:
            remember(target)
        case .cancelled:
            throw .connection(detail: "The request to \(target) was cancelled.")
        default:
            throw .connection(detail: Self.hint(for: outcome, target: target, limit: limit))
        }
    }

    private func remember(_ target: ConnectTarget) {
        lock.lock()
        reachable.insert(target)
        lock.unlock()
    }

    private func isReachable(_ target: ConnectTarget) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return reachable.contains(target)
    }

    /// What the learner reads under `openai.APIConnectionError: Connection error.`.
    static func hint(for outcome: ConnectProbeOutcome, target: ConnectTarget, limit: Duration) -> String {
        let place = target.proxyVariable.map { "the proxy \(target) (from $\($0))" } ?? target.description
        let problem: String
        switch outcome {
        case .timedOut: problem = "Nothing answered at \(place) within \(limit.components.seconds) s."
        case .refused: problem = "\(place) refused the connection: nothing is listening on that port."
        case .unresolved(let reason): problem = "The host name \(target.host) could not be resolved (\(reason))."
        case .failed(let reason): problem = "Could not connect to \(place) (\(reason))."
        case .connected, .cancelled: problem = "The connection to \(place) failed."
        }
        return problem + " " + advice
    }

    /// How to get going again; ends every connection hint.
    static let advice = "Check the URL and that the server is running; in the course, :endpoint fake switches back to the built-in endpoint."

    /// Runs the blocking probe on a thread of its own. Task cancellation (Ctrl-C) ends the
    /// wait at once; a limit timer ends it even when name resolution hangs.
    private static func probe(_ target: ConnectTarget, limit: Duration) async -> ConnectProbeOutcome {
        let gate = ProbeGate()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ConnectProbeOutcome, Never>) in
                gate.start(continuation)
                let thread = Thread {
                    gate.finish(TCPConnectProbe.probe(host: target.host, port: target.port, limit: limit, isCancelled: { gate.isCancelled }))
                }
                thread.name = "embedlings.connect-check"
                thread.start()
                let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds + 0.5) { gate.finish(.timedOut) }
            }
        } onCancel: {
            gate.cancel()
        }
    }
}

/// Resumes a probe's continuation exactly once: with the probe's outcome, the limit timer's,
/// or cancellation's, whichever comes first.
private final class ProbeGate: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<ConnectProbeOutcome, Never>?
    private var cancelled = false
    private var finished = false

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    func start(_ continuation: CheckedContinuation<ConnectProbeOutcome, Never>) {
        lock.lock()
        if cancelled {
            finished = true
            lock.unlock()
            continuation.resume(returning: .cancelled)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        finish(.cancelled)
    }

    func finish(_ outcome: ConnectProbeOutcome) {
        lock.lock()
        guard !finished, let continuation else {
            lock.unlock()
            return
        }
        finished = true
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: outcome)
    }
}
