import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one attempt to open a TCP connection found.
enum ConnectProbeOutcome: Sendable, Equatable {
    case connected
    /// Nothing answered before the limit (the SYN went unanswered).
    case timedOut
    /// The host answered that nothing listens on the port.
    case refused
    /// The host name could not be turned into an address (the resolver's words).
    case unresolved(String)
    /// Any other failure (the system's words).
    case failed(String)
    /// The caller gave up (Ctrl-C).
    case cancelled
}

/// Opens a TCP connection with a POSIX non-blocking `connect` and `poll`, and closes it again:
/// the check that a host:port answers at all. Blocking (name resolution included), so it runs
/// on a thread of its own; it looks at `isCancelled` every 50 ms while it waits.
enum TCPConnectProbe {
    static func probe(host: String, port: Int, limit: Duration, isCancelled: () -> Bool) -> ConnectProbeOutcome {
        let limitNanoseconds = UInt64(max(0, limit.components.seconds)) * 1_000_000_000 + UInt64(max(0, limit.components.attoseconds) / 1_000_000_000)
        let deadline = DispatchTime.now().uptimeNanoseconds + limitNanoseconds
        var hints = addrinfo()
        hints.ai_socktype = streamType
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else { return .unresolved(String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var outcome = ConnectProbeOutcome.failed("no address")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            outcome = attempt(current.pointee, deadline: deadline, isCancelled: isCancelled)
            switch outcome {
            case .connected, .timedOut, .cancelled: return outcome
            default: entry = current.pointee.ai_next
            }
        }
        return outcome
    }

    private static func attempt(_ address: addrinfo, deadline: UInt64, isCancelled: () -> Bool) -> ConnectProbeOutcome {
        let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { return outcome(errno: errno) }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        if connect(descriptor, address.ai_addr, address.ai_addrlen) == 0 { return .connected }
        guard errno == EINPROGRESS else { return outcome(errno: errno) }
        while true {
            if isCancelled() { return .cancelled }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timedOut }
            let slice = Int32(min(50, (deadline - now) / 1_000_000 + 1))
            var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&waiting, 1, slice)
            if ready < 0 {
                if errno == EINTR { continue }
                return outcome(errno: errno)
            }
            if ready == 0 { continue }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length) == 0 else { return outcome(errno: errno) }
            return socketError == 0 ? .connected : outcome(errno: socketError)
        }
    }

    private static func outcome(errno code: Int32) -> ConnectProbeOutcome {
        switch code {
        case ECONNREFUSED: .refused
        case ETIMEDOUT: .timedOut
        default: .failed(String(cString: strerror(code)))
        }
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }
}
