/// The mergeable ranks of a BPE encoding: byte sequence ↔ rank, both ways.
///
/// Byte sequences are looked up straight from a pointer into the text being encoded, so no
/// `String` or `Array` is made per lookup: all token bytes live in one buffer, and an
/// open-addressing hash table (linear probing, power-of-two capacity, at most ~40% full)
/// stores ranks. Two-byte sequences, the first step of every merge, have a direct table.
///
/// Immutable after `init`, hence safe to share between threads.
final class RankTable: @unchecked Sendable {
    /// Number of ordinary tokens; ranks are 0..<count.
    let count: Int
    private let tokenBytes: UnsafeMutablePointer<UInt8>
    /// `tokenOffsets[r]..<tokenOffsets[r + 1]` are rank r's bytes in `tokenBytes`.
    private let tokenOffsets: UnsafeMutableBufferPointer<Int32>
    /// Hash slots holding a rank, or -1 when empty.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let slotMask: Int
    /// Rank of every two-byte sequence `a << 8 | b`, or -1.
    private let pairRanks: UnsafeMutableBufferPointer<Int32>
    /// Rank of every single byte, or -1.
    private let byteRanks: UnsafeMutableBufferPointer<Int32>

    /// Builds the table from token byte sequences listed in rank order.
    /// - Parameter tokens: `bytes` of all tokens concatenated; `offsets` has one entry per rank plus the end.
    init(bytes: [UInt8], offsets: [Int32]) {
        count = offsets.count - 1
        tokenBytes = .allocate(capacity: max(bytes.count, 1))
        tokenBytes.initialize(from: bytes, count: bytes.count)
        tokenOffsets = .allocate(capacity: offsets.count)
        _ = tokenOffsets.initialize(from: offsets)
        var capacity = 16
        while capacity < count * 5 / 2 { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1)
        slotMask = capacity - 1
        pairRanks = .allocate(capacity: 65536)
        pairRanks.initialize(repeating: -1)
        byteRanks = .allocate(capacity: 256)
        byteRanks.initialize(repeating: -1)
        for rank in 0..<count {
            let start = Int(tokenOffsets[rank]), end = Int(tokenOffsets[rank + 1])
            let pointer = UnsafePointer(tokenBytes + start)
            let length = end - start
            if length == 1 { byteRanks[Int(pointer[0])] = Int32(rank) }
            if length == 2 { pairRanks[Int(pointer[0]) << 8 | Int(pointer[1])] = Int32(rank) }
            var slot = Self.hash(pointer, length) & slotMask
            while slots[slot] >= 0 { slot = (slot + 1) & slotMask }
            slots[slot] = Int32(rank)
        }
    }

    deinit {
        tokenBytes.deallocate()
        tokenOffsets.deallocate()
        slots.deallocate()
        pairRanks.deallocate()
        byteRanks.deallocate()
    }

    /// The rank of the `length` bytes at `bytes`, or -1 when they are not a token.
    @inline(__always)
    func rank(of bytes: UnsafePointer<UInt8>, length: Int) -> Int {
        if length == 2 { return Int(pairRanks[Int(bytes[0]) << 8 | Int(bytes[1])]) }
        if length == 1 { return Int(byteRanks[Int(bytes[0])]) }
        var slot = Self.hash(bytes, length) & slotMask
        while true {
            let rank = Int(slots[slot])
            if rank < 0 { return -1 }
            let start = Int(tokenOffsets[rank])
            if Int(tokenOffsets[rank + 1]) - start == length,
               memoryEqual(tokenBytes + start, bytes, length) {
                return rank
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The bytes of `rank`, appended to `output`. `rank` must be in 0..<count.
    @inline(__always)
    func appendBytes(of rank: Int, to output: inout [UInt8]) {
        let start = Int(tokenOffsets[rank]), end = Int(tokenOffsets[rank + 1])
        output.append(contentsOf: UnsafeBufferPointer(start: tokenBytes + start, count: end - start))
    }

    /// FNV-1a over the bytes, then a final mix so that linear probing sees spread-out slots.
    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for i in 0..<length {
            h = (h ^ UInt64(bytes[i])) &* 0x100000001b3
        }
        h ^= h >> 29
        h = h &* 0xbf58476d1ce4e5b9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    @inline(__always)
    private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for i in 0..<length where a[i] != b[i] { return false }
        return true
    }
}
