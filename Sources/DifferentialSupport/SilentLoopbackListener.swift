import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP port on 127.0.0.1 that never serves anyone, for tests of waits that must end
/// (connect limits, Ctrl-C during a request) without any network beyond loopback.
public final class SilentLoopbackListener: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// The kernel completes connections (backlog 16), but nobody reads or answers them.
        case connectsButNeverAnswers
        /// The accept queue is already full (backlog 0, one connection parked in it), so a new
        /// connection attempt gets no reply at all: its SYN is dropped, as by a host that is gone.
        case neverCompletesConnections
    }

    public struct SetupFailure: Error, CustomStringConvertible {
        public let step: String
        public let code: Int32
        public var description: String { "\(step) failed: \(String(cString: strerror(code)))" }
    }

    /// The listening port.
    public let port: Int
    private var descriptors: [Int32] = []

    public init(_ behaviour: Behaviour) throws {
        let listener = socket(AF_INET, Self.streamType, 0)
        guard listener >= 0 else { throw SetupFailure(step: "socket", code: errno) }
        descriptors.append(listener)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw SetupFailure(step: "bind", code: errno) }
        guard listen(listener, behaviour == .connectsButNeverAnswers ? 16 : 0) == 0 else { throw SetupFailure(step: "listen", code: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard named == 0 else { throw SetupFailure(step: "getsockname", code: errno) }
        port = Int(UInt16(bigEndian: address.sin_port))
        if behaviour == .neverCompletesConnections {
            let filler = socket(AF_INET, Self.streamType, 0)
            guard filler >= 0 else { throw SetupFailure(step: "socket", code: errno) }
            descriptors.append(filler)
            var target = Self.loopback(port: port)
            let connected = withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw SetupFailure(step: "connect (filling the accept queue)", code: errno) }
        }
    }

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }

    /// A loopback port that was listened on and closed again, so connections to it are refused.
    public static func refusingPort() throws -> Int {
        try SilentLoopbackListener(.connectsButNeverAnswers).port
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
