import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 load generator for loopback: a few keep-alive connections on their own
/// threads send the same request back to back, bounded in count and in time, so the number
/// measured is the server's, not an HTTP client library's.
enum LoopbackLoad {
    struct Result {
        var completed: Int
        var failed: Int
        var seconds: Double
        var requestsPerSecond: Double { seconds > 0 ? Double(completed) / seconds : 0 }
    }

    /// Sends `request` (a whole HTTP/1.1 request, keep-alive) over `connections` connections
    /// until `maxRequests` answers or `maxSeconds` have passed.
    static func run(port: Int, request: [UInt8], connections: Int, maxRequests: Int, maxSeconds: Double) -> Result {
        let state = SharedCounters(budget: maxRequests)
        let deadline = Date().addingTimeInterval(maxSeconds)
        let group = DispatchGroup()
        let started = Date()
        for _ in 0..<connections {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                connectionLoop(port: port, request: request, state: state, deadline: deadline)
            }
            thread.start()
        }
        group.wait()
        let (completed, failed) = state.totals
        return Result(completed: completed, failed: failed, seconds: Date().timeIntervalSince(started))
    }

    private static func connectionLoop(port: Int, request: [UInt8], state: SharedCounters, deadline: Date) {
        guard let socket = connectLoopback(port: port) else {
            state.recordFailure()
            return
        }
        defer { close(socket) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while Date() < deadline, state.takeTicket() {
            guard sendAll(socket, request), readResponse(socket, buffer: &buffer) == 200 else {
                state.recordFailure()
                return
            }
            state.recordSuccess()
        }
    }

    private static func connectLoopback(port: Int) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    private static func sendAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Reads one response with a Content-Length body; returns its status, or nil.
    private static func readResponse(_ socket: Int32, buffer: inout [UInt8]) -> Int? {
        var filled = 0
        var headerEnd: Int?
        while headerEnd == nil {
            guard filled < buffer.count else { return nil }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + filled, $0.count - filled, 0) }
            guard count > 0 else { return nil }
            let searchFrom = max(0, filled - 3)
            filled += count
            headerEnd = findHeaderEnd(buffer, from: searchFrom, to: filled)
        }
        guard let headerEnd else { return nil }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self).lowercased()
        let status = head.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
        guard let lengthLine = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return nil }
        var remaining = headerEnd + 4 + length - filled
        while remaining > 0 {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, min($0.count, remaining), 0) }
            guard count > 0 else { return nil }
            remaining -= count
        }
        return status
    }

    private static func findHeaderEnd(_ buffer: [UInt8], from start: Int, to end: Int) -> Int? {
        var position = start
        while position + 3 < end {
            if buffer[position] == 13, buffer[position + 1] == 10, buffer[position + 2] == 13, buffer[position + 3] == 10 { return position }
            position += 1
        }
        return nil
    }

    /// Counters shared by the connection threads.
    private final class SharedCounters: @unchecked Sendable {
        private let lock = NSLock()
        private var tickets: Int
        private var completed = 0
        private var failed = 0

        init(budget: Int) { tickets = budget }

        func takeTicket() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard tickets > 0 else { return false }
            tickets -= 1
            return true
        }

        func recordSuccess() { lock.lock(); completed += 1; lock.unlock() }
        func recordFailure() { lock.lock(); failed += 1; lock.unlock() }

        var totals: (Int, Int) {
            lock.lock()
            defer { lock.unlock() }
            return (completed, failed)
        }
    }
}
